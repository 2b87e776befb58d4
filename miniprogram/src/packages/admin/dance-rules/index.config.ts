export default definePageConfig({ navigationBarTitleText: '广场舞规章' });
