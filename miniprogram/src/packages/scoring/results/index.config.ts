export default definePageConfig({ navigationBarTitleText: '党支部星级', enablePullDownRefresh: true });
