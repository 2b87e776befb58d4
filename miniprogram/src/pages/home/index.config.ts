export default definePageConfig({ navigationBarTitleText: '共治 · 青年社区' });
