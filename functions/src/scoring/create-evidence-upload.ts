import type { scoringApi } from '../../../shared/api/scoring';
import type { Handler } from '../http/route';
import { createUploadTicket } from '../uploads';

/**
 * A ticket to upload one piece of evidence (佐证材料): a photo, or a PDF document. It lands in the caller's own
 * incoming folder; linking it to an assessment (`addScoringEvidence`) checks it and moves it, for the branch's
 * secretary only.
 */
export const createScoringEvidenceUpload: Handler<typeof scoringApi.createScoringEvidenceUpload> = async ({ query }, { principal, now }) =>
  createUploadTicket({ communityId: principal.communityId, userId: principal.userId, purpose: 'scoring-evidence', kind: query.kind, now });
