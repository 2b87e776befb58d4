import { logger } from '../../http/logger';
import { decideIfDue } from '../outcome';
import { getMotion, listClosingBefore } from '../store';

/** How many motions one run decides at most: the next run takes the rest. */
const BATCH = 25;

/**
 * Motions whose voting has closed get their outcome counted and stored, without waiting for a reader. Runs on a
 * schedule; safe to run twice or concurrently (and beside a reader doing the same): sealing is idempotent and the
 * outcome is stored once, with a condition. Returns how many it decided.
 */
export const closeDueMotions = async (now: Date): Promise<number> => {
  let decided = 0;
  for (const { communityId, id } of await listClosingBefore(now.toISOString(), BATCH)) {
    const motion = await getMotion(communityId, id);
    if (!motion) continue;
    try {
      const after = await decideIfDue(motion, now);
      if (motion.status !== 'decided' && after.status === 'decided') decided++;
    } catch (err) {
      // one motion failing must not keep the others waiting; it is tried again at the next run
      logger.error('motion not decided', { error: err as Error });
    }
  }
  return decided;
};
