export default definePageConfig({ navigationBarTitleText: '议事会', enablePullDownRefresh: true, onReachBottomDistance: 80 });
