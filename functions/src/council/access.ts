import { seatOf } from '../../../shared/council/seats';
import { phaseOf, type MotionActor, type MotionPhase } from '../../../shared/council/status';
import { isStaff } from '../../../shared/roles';
import { chinaDate } from '../feedback/china-time';
import type { Principal } from '../http/auth';
import { decideIfDue, ensureRoll } from './outcome';
import { councilNotFound, motionNotFound, notAMember, notTheChair } from './problems';
import { getCouncil, getMotion, type CouncilItem, type MotionItem, type SeatItem } from './store';

/**
 * Object-level checks: the route table lets the roles in; these decide who the caller is to a council and a
 * motion. A member holds a seat in term today; the chair is the member seated as chair; staff run every council.
 * Decided motions are public to the community; others only members and staff see (404 for anyone else).
 */

/** The caller's seat in term today, if any. */
export const seatToday = (c: CouncilItem, principal: Pick<Principal, 'userId'>, now: Date): SeatItem | undefined =>
  seatOf(c.seats, principal.userId, chinaDate(now));

/** Everyone the caller is to this motion, as the act table names them (shared/council/status.ts). */
export const actorsOf = (c: CouncilItem, m: MotionItem | undefined, principal: Principal, now: Date): MotionActor[] => {
  const actors: MotionActor[] = [];
  if (isStaff(principal.roles)) actors.push('committee');
  const seat = seatToday(c, principal, now);
  if (seat) actors.push('member');
  if (seat?.role === 'chair') actors.push('chair');
  if (m && m.proposedBy.kind === 'member' && m.proposedBy.userId === principal.userId) actors.push('proposer');
  return actors;
};

/** The council, in the caller's community. */
export const readCouncil = async (principal: Principal, id: string): Promise<CouncilItem> => {
  const council = await getCouncil(principal.communityId, id);
  if (!council) throw councilNotFound();
  return council;
};

/** The caller holds a seat of this council today (403 otherwise): members' acts. */
export const membersCouncil = async (principal: Principal, id: string, now: Date): Promise<{ council: CouncilItem; seat: SeatItem }> => {
  const council = await readCouncil(principal, id);
  const seat = seatToday(council, principal, now);
  if (!seat) throw notAMember(council.name);
  return { council, seat };
};

export interface MotionContext {
  motion: MotionItem;
  council: CouncilItem;
  actors: MotionActor[];
  phase: MotionPhase;
}

/** Members and staff, and whoever is on its roll (a term may have ended since), read a motion before it is decided. */
const insider = (ctx: Pick<MotionContext, 'actors' | 'motion'>, principal: Principal): boolean =>
  ctx.actors.some((a) => a === 'committee' || a === 'member' || a === 'proposer') || Boolean(ctx.motion.roll?.some((r) => r.userId === principal.userId));

/**
 * The motion as the caller may see it now: its council, who the caller is to it, and its phase. On the way, a
 * motion whose voting opened gets its roll fixed, and one whose voting has closed gets its outcome counted and
 * stored (the first read after close does it, if the scheduled job has not yet). Someone who is neither member,
 * staff nor on its roll sees it once decided; before, it does not exist for them (404), or, for acts only members
 * may do (`strangers: 'forbid'`), they are told they are not a member (403).
 */
export const readMotion = async (
  principal: Principal,
  id: string,
  now: Date,
  opts: { strangers?: 'hide' | 'forbid' } = {},
): Promise<MotionContext> => {
  let motion = await getMotion(principal.communityId, id);
  if (!motion) throw motionNotFound();
  const council = await getCouncil(principal.communityId, motion.councilId);
  if (!council) throw motionNotFound();
  const actors = actorsOf(council, motion, principal, now);
  const stranger = () => (opts.strangers === 'forbid' ? notAMember(council.name) : motionNotFound());
  if (!insider({ actors, motion }, principal) && motion.status !== 'decided' && phaseOf(motion, now.toISOString()) !== 'counting') throw stranger();
  motion = await ensureRoll(await decideIfDue(motion, now), now);
  if (!insider({ actors, motion }, principal) && (motion.status !== 'decided' || opts.strangers === 'forbid')) throw stranger();
  return { motion, council, actors, phase: phaseOf(motion, now.toISOString()) };
};

/** The chair or staff only (403 for anyone else who may see it). */
export const requireChairOrStaff = (ctx: Pick<MotionContext, 'actors'>): void => {
  if (!ctx.actors.includes('chair') && !ctx.actors.includes('committee')) throw notTheChair();
};
