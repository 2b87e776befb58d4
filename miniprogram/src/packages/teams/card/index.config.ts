export default definePageConfig({ navigationBarTitleText: '舞队电子身份证' });
