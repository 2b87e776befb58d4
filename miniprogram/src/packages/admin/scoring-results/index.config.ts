export default definePageConfig({ navigationBarTitleText: '星级分布' });
