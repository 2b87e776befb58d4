export default definePageConfig({ navigationBarTitleText: '走访住户', onReachBottomDistance: 80 });
