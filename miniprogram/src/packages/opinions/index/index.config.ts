export default definePageConfig({ navigationBarTitleText: '民意征集', enablePullDownRefresh: true });
