export default definePageConfig({ navigationBarTitleText: '反馈详情（受理）' });
