import type { councilApi } from '../../../shared/api/council';
import { actAllowedIn } from '../../../shared/council/status';
import { createOnce, newItemId, requestFingerprint } from '../http/idempotency';
import type { Handler } from '../http/route';
import { readMotion, seatToday, type MotionContext } from './access';
import { actNotAllowed, notAMember } from './problems';
import { countComment, getComment, listComments, putComment, type CommentItem } from './store';

/** Members (their seat in term today) and staff take part in the discussion; anyone else is told they are not a member. */
const speakerOf = (ctx: MotionContext, principal: Parameters<typeof seatToday>[1], now: Date) => {
  const seat = seatToday(ctx.council, principal, now);
  if (seat) return { authorRole: seat.role === 'chair' ? ('chair' as const) : ('member' as const), party: seat.party };
  if (ctx.actors.includes('committee')) return { authorRole: 'committee' as const };
  throw notAMember(ctx.council.name);
};

const toComment = (c: CommentItem) => ({
  id: c.id,
  at: c.at,
  authorName: c.authorName,
  authorRole: c.authorRole,
  ...(c.party ? { party: c.party } : {}),
  text: c.text,
});

/**
 * A member (or the committee) speaks in a motion's discussion: only during the discussion period, which ends when
 * voting opens. With an `Idempotency-Key` a retry returns the comment the first call made.
 */
export const commentOnMotion: Handler<typeof councilApi.commentOnMotion> = async ({ params, body }, { principal, now, idempotencyKey }) => {
  const ctx = await readMotion(principal, params.id, now, { strangers: 'forbid' });
  const speaker = speakerOf(ctx, principal, now);
  if (!actAllowedIn('comment', ctx.phase)) throw actNotAllowed(ctx.phase, '发言（讨论期内才能发言）');
  const cid = principal.communityId;
  const comment: CommentItem = {
    id: newItemId(`commentOnMotion\n${ctx.motion.id}`, principal, idempotencyKey),
    motionId: ctx.motion.id,
    at: now.toISOString(),
    authorId: principal.userId,
    authorName: principal.name,
    ...speaker,
    text: body.text,
    ...(idempotencyKey ? { requestFingerprint: requestFingerprint(body) } : {}),
  };
  const stored = await createOnce({ item: comment, put: (c) => putComment(cid, c), read: () => getComment(cid, ctx.motion.id, comment.id) });
  if (stored === comment) await countComment(cid, ctx.motion.id);
  return toComment(stored);
};

/** A motion's discussion, oldest first: for its council's members and staff. */
export const listMotionComments: Handler<typeof councilApi.listMotionComments> = async ({ params, query }, { principal, now }) => {
  const ctx = await readMotion(principal, params.id, now, { strangers: 'forbid' });
  const page = await listComments(principal.communityId, ctx.motion.id, query.limit, query.cursor);
  return { items: page.items.map(toComment), nextCursor: page.nextCursor };
};
