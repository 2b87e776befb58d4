/** The fixed list of feedback categories for the first slice; labels are what residents see. */
export const FEEDBACK_CATEGORIES = [
  'environment',
  'property',
  'facilities',
  'noise',
  'safety',
  'neighbours',
  'livelihood',
  'other',
] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

export const FEEDBACK_CATEGORY_LABELS: Record<FeedbackCategory, string> = {
  environment: '环境卫生',
  property: '物业管理',
  facilities: '公共设施',
  noise: '噪音扰民',
  safety: '安全隐患',
  neighbours: '邻里纠纷',
  livelihood: '民生服务',
  other: '其他',
};
