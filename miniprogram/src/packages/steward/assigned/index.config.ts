export default definePageConfig({
  navigationBarTitleText: '分派给我的',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});
