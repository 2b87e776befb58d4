export default definePageConfig({
  navigationBarTitleText: '舞队备案审核',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});
