import type { feedbackApi } from '../../../shared/api/feedback';
import type { Handler } from '../http/route';
import { createUploadTicket } from '../uploads';

/**
 * A ticket to upload one photo for a report (up to 3 per report, each with its own ticket). The photo lands in
 * the caller's own incoming folder; submitting the report checks it and links it.
 */
export const createFeedbackPhotoUpload: Handler<typeof feedbackApi.createFeedbackPhotoUpload> = async (_input, { principal, now }) =>
  createUploadTicket({ communityId: principal.communityId, userId: principal.userId, purpose: 'feedback-photo', now });
