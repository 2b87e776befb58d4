export default definePageConfig({ navigationBarTitleText: '舞队备案详情' });
