export default definePageConfig({ navigationBarTitleText: '支部评定', enablePullDownRefresh: true });
