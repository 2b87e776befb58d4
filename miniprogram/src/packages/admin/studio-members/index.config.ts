export default definePageConfig({ navigationBarTitleText: '老书记工作室', enablePullDownRefresh: true });
