export default definePageConfig({ navigationBarTitleText: '小区名单' });
