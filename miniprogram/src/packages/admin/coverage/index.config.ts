export default definePageConfig({ navigationBarTitleText: '走访情况' });
