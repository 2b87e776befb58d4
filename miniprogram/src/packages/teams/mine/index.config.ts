export default definePageConfig({ navigationBarTitleText: '我的舞队', enablePullDownRefresh: true });
