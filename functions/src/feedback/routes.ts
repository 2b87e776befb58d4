import { feedbackApi } from '../../../shared/api/feedback';
import { defineRoutes } from '../http/route';
import { listFeedbackQueue } from './admin/list-queue';
import { transitionFeedback } from './admin/transition';
import { getFeedback } from './get';
import { listMyFeedback } from './list-mine';
import { submitFeedback } from './submit';

export const feedbackRoutes = defineRoutes('feedback', feedbackApi, {
  submitFeedback,
  listMyFeedback,
  getFeedback,
  listFeedbackQueue,
  transitionFeedback,
});
