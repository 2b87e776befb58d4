/** A mainland mobile number: 11 digits starting 1[3-9]. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** `13812345678` → `138****5678`: what everyone but the committee sees of a phone number. */
export const maskPhone = (phone: string): string => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****');

/** How a red steward or old secretary heard of the problem they log for a resident. */
export const ON_BEHALF_CHANNELS = ['visit', 'studio', 'phone', 'stand'] as const;
export type OnBehalfChannel = (typeof ON_BEHALF_CHANNELS)[number];
export const ON_BEHALF_CHANNEL_LABELS: Record<OnBehalfChannel, string> = {
  visit: '走访入户',
  studio: '老书记工作室',
  phone: '电话反映',
  stand: '现场摆摊收集',
};
