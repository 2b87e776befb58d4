import type { councilApi } from '../../../shared/api/council';
import { createOnce, newItemId, requestFingerprint } from '../http/idempotency';
import type { Handler } from '../http/route';
import { membersCouncil, readMotion } from './access';
import { presentMotion } from './present';
import { getMotion, putNewMotion, type CouncilItem, type MotionItem } from './store';

/** A new motion of a council, waiting for the chair to schedule it. */
export const newMotion = (
  council: CouncilItem,
  id: string,
  text: Pick<MotionItem, 'title' | 'background' | 'proposedDecision' | 'feedback'>,
  proposedBy: MotionItem['proposedBy'],
  at: string,
  fingerprint?: string,
): MotionItem => ({
  id,
  communityId: council.communityId,
  councilId: council.id,
  councilName: council.name,
  ...text,
  proposedBy,
  status: 'proposed',
  version: 1,
  createdAt: at,
  updatedAt: at,
  history: [{ at, act: 'propose', byName: proposedBy.name }],
  ...(fingerprint ? { requestFingerprint: fingerprint } : {}),
});

/**
 * A member (seated in term today) proposes a motion: title, background, the decision proposed. It waits for the
 * chair to schedule discussion and voting. With an `Idempotency-Key` a retry returns the motion the first call made.
 */
export const proposeMotion: Handler<typeof councilApi.proposeMotion> = async ({ params, body }, { principal, now, idempotencyKey }) => {
  const { council } = await membersCouncil(principal, params.id, now);
  const motion = newMotion(
    council,
    newItemId(`proposeMotion\n${council.id}`, principal, idempotencyKey),
    { title: body.title, background: body.background, proposedDecision: body.proposedDecision },
    { kind: 'member', userId: principal.userId, name: principal.name },
    now.toISOString(),
    idempotencyKey ? requestFingerprint(body) : undefined,
  );
  await createOnce({ item: motion, put: putNewMotion, read: () => getMotion(principal.communityId, motion.id) });
  return presentMotion(await readMotion(principal, motion.id, now), principal, now);
};
