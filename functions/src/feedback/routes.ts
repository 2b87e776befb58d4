import { feedbackApi } from '../../../shared/api/feedback';
import { defineRoutes, type Job } from '../http/route';
import { closeUnratedFeedback } from './jobs/close-unrated';
import { deliverFeedbackNotifications } from './jobs/deliver-notifications';
import { countMyUnreadFeedback } from './count-unread';
import { addInternalNote } from './admin/add-note';
import { assignFeedback } from './admin/assign';
import { assignFeedbackInBulk } from './admin/assign-bulk';
import { countFeedbackByStatus } from './admin/count-by-status';
import { listFeedbackQueue } from './admin/list-queue';
import { exportFeedbackStats, feedbackStats } from './admin/stats';
import { listAssignedToMe } from './list-assigned';
import { getMyWorkLog } from './get-work-log';
import { progressAssignedFeedback } from './progress';
import { transitionFeedback } from './admin/transition';
import { createFeedbackPhotoUpload } from './create-photo-upload';
import { getFeedback } from './get';
import { listMyFeedback } from './list-mine';
import { rateFeedback } from './rate';
import { withdrawFeedback } from './withdraw';
import { submitFeedback } from './submit';

export const feedbackRoutes = defineRoutes('feedback', feedbackApi, {
  submitFeedback,
  createFeedbackPhotoUpload,
  listMyFeedback,
  countMyUnreadFeedback,
  getFeedback,
  listFeedbackQueue,
  transitionFeedback,
  countFeedbackByStatus,
  assignFeedback,
  assignFeedbackInBulk,
  addInternalNote,
  listAssignedToMe,
  getMyWorkLog,
  progressAssignedFeedback,
  feedbackStats,
  exportFeedbackStats,
  withdrawFeedback,
  rateFeedback,
});

/** What the feedback function does on a schedule, besides serving its routes. */
export const feedbackJobs: readonly Job[] = [
  { name: 'close-unrated-feedback', context: 'feedback', everyMinutes: 60, run: closeUnratedFeedback },
  { name: 'deliver-feedback-notifications', context: 'feedback', everyMinutes: 1, run: deliverFeedbackNotifications },
];
