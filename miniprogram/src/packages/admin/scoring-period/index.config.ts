export default definePageConfig({ navigationBarTitleText: '评定周期' });
