export default definePageConfig({ navigationBarTitleText: '处理反馈', enablePullDownRefresh: true });
