import { dueReminder, effectiveClose, REMINDERS, phaseOf } from '../../../../shared/council/status';
import { chinaMinute } from '../../feedback/china-time';
import { logger } from '../../http/logger';
import { newMessage } from '../../notify/outbox';
import { ensureRoll, rollKeys } from '../outcome';
import { getCouncil, getMotion, listClosingBefore, putReminder, readBallots, type MotionItem } from '../store';

/** How many motions one run looks at most (those closing soonest): the next run takes the rest. */
const BATCH = 50;
/** WeChat's `thing` fields hold 20 characters. */
const thing = (s: string) => (s.length > 20 ? `${s.slice(0, 19)}…` : s);

/**
 * Reminds the members on a motion's roll who have not voted, a day and an hour before voting closes, each
 * reminder once: it is one item per motion and kind, written with a condition, holding its messages in its outbox
 * (delivered by `deliver-council-notifications`). Members without an account (voting in person) get none.
 */
export const remindCouncilVoters = async (now: Date): Promise<number> => {
  const horizon = new Date(now.getTime() + Math.max(...REMINDERS.map((r) => r.beforeMs))).toISOString();
  let queued = 0;
  for (const { communityId, id } of await listClosingBefore(horizon, BATCH)) {
    try {
      const found = await getMotion(communityId, id);
      if (!found || phaseOf(found, now.toISOString()) !== 'voting') continue;
      const kind = dueReminder(found.times!, effectiveClose(found.times!, found.closedEarlyAt), now);
      if (!kind) continue;
      queued += await remind(await ensureRoll(found, now), kind, now);
    } catch (err) {
      logger.error('council reminder not queued', { error: err as Error });
    }
  }
  return queued;
};

const remind = async (m: MotionItem, kind: 'day' | 'hour', now: Date): Promise<number> => {
  const [keys, ballots, council] = await Promise.all([rollKeys(m), readBallots(m.communityId, m.id), getCouncil(m.communityId, m.councilId)]);
  const voted = new Set(ballots.filter((b) => b.choice).map((b) => b.voterKey));
  // where each member's WeChat messages go, as their seat knows it now (learnt when they last opened their seats)
  const openids = new Map((council?.seats ?? []).flatMap((s) => (s.openid ? [[s.id, s.openid] as const] : [])));
  const at = now.toISOString();
  const messages = (m.roll ?? []).flatMap((r, i) =>
    r.userId && !voted.has(keys[i]!)
      ? [
          newMessage({
            kind: 'council-reminder',
            to: r.userId,
            ...(openids.get(r.seatId) ? { toOpenid: openids.get(r.seatId)! } : {}),
            at,
            data: { thing1: thing(m.title), time2: chinaMinute(m.times!.votingClosesAt), thing3: thing(m.councilName) },
            page: `packages/council/motion/index?id=${m.id}`,
          }),
        ]
      : [],
  );
  return (await putReminder(m.communityId, m.id, kind, at, messages)) ? messages.length : 0;
};
