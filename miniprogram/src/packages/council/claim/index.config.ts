export default definePageConfig({ navigationBarTitleText: '认领席位' });
