export default definePageConfig({ navigationBarTitleText: '带教活动', enablePullDownRefresh: true });
