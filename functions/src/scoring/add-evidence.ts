import type { scoringApi } from '../../../shared/api/scoring';
import { findCriterion } from '../../../shared/scoring/sheet';
import { effectivePeriodStatus } from '../../../shared/scoring/status';
import { createOnce, keyReused, newItemId, requestFingerprint } from '../http/idempotency';
import { notFound } from '../http/problem';
import type { Handler } from '../http/route';
import { signedUrl, verifyUpload } from '../uploads';
import { assessmentFor, secretaryOnly, type AssessmentAccess } from './access';
import { alreadySubmitted, periodClosed } from './problems';
import { getEvidence, getMeasure, getMeeting, getTask, putEvidence, type EvidenceItem } from './store';

/** The thing a piece of evidence goes with must exist in this assessment; criterion and bonus evidence only while a draft. */
const checkTarget = async (cid: string, a: AssessmentAccess, target: EvidenceItem['target']) => {
  const id = a.assessment.id;
  const selfEvidence = target.kind === 'criterion' || target.kind === 'bonus';
  const exists =
    target.kind === 'criterion'
      ? Boolean(findCriterion(a.period.sheet, target.criterionId))
      : target.kind === 'bonus'
        ? a.period.sheet.bonusItems.some((b) => b.id === target.bonusId)
        : target.kind === 'task'
          ? Boolean(await getTask(cid, id, target.taskId))
          : target.kind === 'measure'
            ? Boolean(await getMeasure(cid, id, target.measureId))
            : Boolean(await getMeeting(cid, id, target.meetingId));
  if (!exists) throw notFound('本支部的评定中没有材料所属的指标、加分项、任务、整改措施或会议');
  if (selfEvidence && a.assessment.status !== 'draft') throw alreadySubmitted();
};

/**
 * The secretary links an uploaded photo or PDF as evidence (佐证材料) to a criterion or bonus item of the self-assessment
 * (while a draft), a key task's stage, a rectification measure or a meeting. The upload is checked (the caller's
 * own, an image or a PDF by its first bytes, its size for that kind) and moved before the evidence item is written. With an
 * `Idempotency-Key` a retry returns the evidence the first call made.
 */
export const addScoringEvidence: Handler<typeof scoringApi.addScoringEvidence> = async ({ params, body }, { principal, now, idempotencyKey }) => {
  const cid = principal.communityId;
  const access = secretaryOnly(await assessmentFor(principal, params.id));
  const status = effectivePeriodStatus(access.period, now);
  if (status === 'final') throw periodClosed(status);
  const assessmentId = access.assessment.id;
  const id = newItemId(`addScoringEvidence\n${assessmentId}`, principal, idempotencyKey);
  // a keyed retry is recognised before the upload is checked again (the first call moved it already)
  const earlier = idempotencyKey ? await getEvidence(cid, assessmentId, id) : undefined;
  if (earlier && earlier.requestFingerprint !== requestFingerprint(body)) throw keyReused();
  let saved = earlier;
  if (!saved) {
    await checkTarget(cid, access, body.target);
    const upload = await verifyUpload(body.key, principal, 'scoring-evidence', { field: 'key', claim: id });
    const item: EvidenceItem = {
      id,
      target: body.target,
      key: upload.key,
      contentType: upload.contentType,
      size: upload.size,
      ...(body.caption ? { caption: body.caption } : {}),
      addedAt: now.toISOString(),
      addedById: principal.userId,
      addedByName: principal.name,
      ...(idempotencyKey ? { requestFingerprint: requestFingerprint(body) } : {}),
    };
    saved = await createOnce({ item, put: (e) => putEvidence(cid, assessmentId, e), read: () => getEvidence(cid, assessmentId, id) });
  }
  return {
    id: saved.id,
    target: saved.target,
    url: await signedUrl(saved.key),
    contentType: saved.contentType,
    size: saved.size,
    ...(saved.caption ? { caption: saved.caption } : {}),
    addedAt: saved.addedAt,
    addedByName: saved.addedByName,
  };
};
