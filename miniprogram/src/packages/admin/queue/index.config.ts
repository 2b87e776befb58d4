export default definePageConfig({
  navigationBarTitleText: '反馈受理',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});
