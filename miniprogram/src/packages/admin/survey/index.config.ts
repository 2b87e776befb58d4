export default definePageConfig({ navigationBarTitleText: '民意征集' });
