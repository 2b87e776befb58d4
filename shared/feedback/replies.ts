import type { FeedbackStatus } from './status';

/**
 * Reply templates the admin page offers per status moved into: a start the staff member edits, in the plain
 * words residents read. (Only for the moves staff make with a reply.)
 */
export const FEEDBACK_REPLY_TEMPLATES: Partial<Record<FeedbackStatus, readonly string[]>> = {
  accepted: ['您反映的问题已收到，我们会尽快安排人员处理，请留意进度。', '已受理，我们将转交相关党支部跟进。'],
  in_progress: ['工作人员已到现场查看，正在处理中，预计 3 天内完成。', '已联系物业共同处理，请您耐心等待。'],
  resolved: ['问题已处理完毕，请您查看是否满意；如仍未解决，可在本页告诉我们。', '已安排维修，现已恢复正常，感谢您的反映。'],
  rejected: ['经核实，此事不属于社区管理范围，建议您联系相关部门办理。', '经核实，该问题已由其他反馈在处理，我们会一并答复。'],
};
