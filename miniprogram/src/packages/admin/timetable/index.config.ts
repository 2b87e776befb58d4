export default definePageConfig({ navigationBarTitleText: '场地时间表' });
