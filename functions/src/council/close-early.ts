import type { councilApi } from '../../../shared/api/council';
import { actAllowedIn, phaseOf } from '../../../shared/council/status';
import { recordAudit } from '../audit/trail';
import type { Handler } from '../http/route';
import { readMotion, requireChairOrStaff } from './access';
import { decideIfDue, rollKeys } from './outcome';
import { presentMotion } from './present';
import { actNotAllowed, notEveryoneVoted } from './problems';
import { applyEarlyClose, getMotion, readBallots } from './store';

/**
 * The chair (or staff) closes voting before its time, only once every member on the roll has voted; the outcome
 * is counted and stored at once, as at a scheduled close. (A member who changes their ballot meanwhile, where
 * changes are allowed, is counted as their ballot stands when sealed.)
 */
export const closeMotionEarly: Handler<typeof councilApi.closeMotionEarly> = async ({ params }, { principal, now, sourceIp }) => {
  const ctx = await readMotion(principal, params.id, now);
  requireChairOrStaff(ctx);
  if (!actAllowedIn('close-early', ctx.phase)) throw actNotAllowed(ctx.phase, '提前结束表决');
  const m = ctx.motion;
  const keys = await rollKeys(m);
  const voted = new Set((await readBallots(m.communityId, m.id)).filter((b) => b.choice).map((b) => b.voterKey));
  const count = keys.filter((k) => voted.has(k)).length;
  if (keys.length === 0 || count < keys.length) throw notEveryoneVoted(count, keys.length);
  const closed = await applyEarlyClose(m, { at: now.toISOString(), act: 'close-early', byName: principal.name });
  // refused: closed meanwhile (by someone else, or its time came): either way it is counted now
  const decided = await decideIfDue(closed ?? (await getMotion(m.communityId, m.id)) ?? m, now);
  if (closed) await recordAudit({ action: 'motion-close-early', actor: principal, at: now, sourceIp, target: { kind: 'motion', id: m.id } });
  return presentMotion({ ...ctx, motion: decided, phase: phaseOf(decided, now.toISOString()) }, principal, now);
};
