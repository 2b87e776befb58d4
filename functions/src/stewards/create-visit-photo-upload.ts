import type { stewardsApi } from '../../../shared/api/stewards';
import type { Handler } from '../http/route';
import { createUploadTicket } from '../uploads';

/**
 * A ticket to upload one photo taken on a home visit. It lands in the steward's own incoming folder; recording the
 * visit (`recordVisit`) checks it and moves it, for a household of theirs only.
 */
export const createVisitPhotoUpload: Handler<typeof stewardsApi.createVisitPhotoUpload> = async (_input, { principal, now }) =>
  createUploadTicket({ communityId: principal.communityId, userId: principal.userId, purpose: 'visit-photo', now });
