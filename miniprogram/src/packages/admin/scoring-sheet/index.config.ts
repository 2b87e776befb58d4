export default definePageConfig({ navigationBarTitleText: '量化考评表' });
