export default definePageConfig({ navigationBarTitleText: '舞队', enablePullDownRefresh: true });
