export default definePageConfig({ navigationBarTitleText: '支部创评', enablePullDownRefresh: true });
