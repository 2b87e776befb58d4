export default definePageConfig({ navigationBarTitleText: '党支部评定记录' });
