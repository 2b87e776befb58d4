export default definePageConfig({ navigationBarTitleText: '走访入户', enablePullDownRefresh: true, onReachBottomDistance: 80 });
