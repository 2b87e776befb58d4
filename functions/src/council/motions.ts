import type { councilApi } from '../../../shared/api/council';
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { phaseOf } from '../../../shared/council/status';
import { db } from '../db/client';
import { tableName } from '../db/tables';
import { getFeedback } from '../feedback/store';
import { notFound } from '../http/problem';
import type { Handler } from '../http/route';
import { isStaff } from '../../../shared/roles';
import { voterKey } from './ballot-key';
import { readCouncil, readMotion, seatToday } from './access';
import { decideIfDue } from './outcome';
import { motionSummary, presentMotion, seatIdsOf } from './present';
import { notAMember } from './problems';
import { getFeedbackLink, getMotion as getStoredMotion, keys, listClosingBefore, listCouncilMotions as readMotions, listDecided, type MotionItem } from './store';

/**
 * A motion's page: what the caller may see of it now (present.ts). The first read after voting closed counts and
 * stores the outcome, if the scheduled job has not yet (access.ts).
 */
export const getMotion: Handler<typeof councilApi.getMotion> = async ({ params }, { principal, now }) =>
  presentMotion(await readMotion(principal, params.id, now), principal, now);

/**
 * Motions in a list whose voting has ended get their outcome now (the first read after close does it). A list
 * holds what its index carries: such a motion is read whole first.
 */
const settled = (cid: string, items: MotionItem[], now: Date) =>
  Promise.all(
    items.map(async (m) => {
      if (phaseOf(m, now.toISOString()) !== 'counting') return m;
      const whole = await getStoredMotion(cid, m.id);
      return whole ? decideIfDue(whole, now) : m;
    }),
  );

/** Whether the caller has voted on each motion of the list that is voting (one BatchGet of their ballot keys). */
const myVotes = async (cid: string, items: MotionItem[], seatIds: string[], now: Date): Promise<Map<string, boolean>> => {
  // no seat (staff, or a past member): nothing to vote on, so no "not voted yet" either
  if (!seatIds.length) return new Map();
  const voting = items.filter((m) => phaseOf(m, now.toISOString()) === 'voting' && m.settings);
  const wanted = await Promise.all(
    voting.flatMap((m) => seatIds.map(async (seatId) => ({ motionId: m.id, key: keys.ballot(cid, m.id, await voterKey(cid, m.id, seatId, m.settings!.secret)) }))),
  );
  const found = new Set<string>();
  for (let i = 0; i < wanted.length; i += 100) {
    let batch = wanted.slice(i, i + 100).map((w) => w.key);
    for (let round = 0; batch.length && round < 5; round++) {
      const out = await db().send(new BatchGetCommand({ RequestItems: { [tableName('council')]: { Keys: batch, ConsistentRead: true, ProjectionExpression: 'pk, sk, choice' } } }));
      for (const b of out.Responses?.[tableName('council')] ?? []) if (b.choice) found.add(`${b.pk}|${b.sk}`);
      batch = (out.UnprocessedKeys?.[tableName('council')]?.Keys ?? []) as typeof batch;
    }
  }
  const out = new Map<string, boolean>(voting.map((m) => [m.id, false]));
  for (const w of wanted) if (found.has(`${w.key.pk}|${w.key.sk}`)) out.set(w.motionId, true);
  return out;
};

/** A council's motions for its members and staff, newest first, with whether the caller has voted on those voting. */
export const listCouncilMotions: Handler<typeof councilApi.listCouncilMotions> = async ({ params, query }, { principal, now }) => {
  const council = await readCouncil(principal, params.id);
  if (!isStaff(principal.roles) && !seatToday(council, principal, now)) throw notAMember(council.name);
  const page = await readMotions(principal.communityId, council.id, query.limit, query.cursor, query.phase, now.toISOString());
  const items = await settled(principal.communityId, page.items, now);
  const votes = await myVotes(principal.communityId, items, seatIdsOf(council, principal.userId), now);
  return { items: items.map((m) => motionSummary(m, now, votes.get(m.id))), nextCursor: page.nextCursor };
};

/**
 * The council's motions whose voting has closed but whose outcome the job has not stored yet (it runs every
 * minute, so there are seldom any): decided now, so the first read of the decisions after close shows them.
 */
const decideOverdue = async (cid: string, councilId: string, now: Date): Promise<void> => {
  const due = (await listClosingBefore(now.toISOString(), 25)).filter((d) => d.communityId === cid);
  await Promise.all(
    due.map(async ({ id }) => {
      const m = await getStoredMotion(cid, id);
      if (m?.councilId === councilId) await decideIfDue(m, now);
    }),
  );
};

/**
 * What residents read: the council's decided motions, latest decision first, each with its outcome and counts.
 * Never who voted what on a secret ballot (the outcome holds counts only).
 */
export const listCouncilDecisions: Handler<typeof councilApi.listCouncilDecisions> = async ({ params, query }, { principal, now }) => {
  const council = await readCouncil(principal, params.id);
  if (!query.cursor) await decideOverdue(principal.communityId, council.id, now);
  const page = await listDecided(principal.communityId, council.id, query.limit, query.cursor);
  return {
    items: page.items.map((m) => ({
      id: m.id,
      title: m.title,
      proposedDecision: m.proposedDecision,
      ...(m.feedback ? { feedbackId: m.feedback.id } : {}),
      secret: m.settings?.secret ?? false,
      outcome: m.outcome!,
    })),
    nextCursor: page.nextCursor,
  };
};

/**
 * The motion a feedback was made into: its reporter (and staff) follow it to the council's decision. The
 * feedback's own page is the feedback context's; this reads only whether the caller may see it.
 */
export const getFeedbackMotion: Handler<typeof councilApi.getFeedbackMotion> = async ({ params }, { principal, now }) => {
  const cid = principal.communityId;
  const feedback = await getFeedback(cid, params.id);
  if (!feedback || (feedback.reporterId !== principal.userId && !isStaff(principal.roles))) throw notFound('反馈不存在');
  const motionId = await getFeedbackLink(cid, feedback.id);
  const motion = motionId ? await getStoredMotion(cid, motionId) : undefined;
  // a link whose motion is not there (a made motion that lost the link race is removed) leads nowhere
  if (!motion || motion.feedback?.id !== feedback.id) return { motion: null };
  return { motion: motionSummary(await decideIfDue(motion, now), now) };
};
