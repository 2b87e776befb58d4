import { RATING_WINDOW_DAYS } from '../../../../shared/feedback/status';
import { logger } from '../../http/logger';
import { getFeedback, listDueToClose } from '../store';
import { moveFeedback } from '../moves';

/** How many items one run closes at most: the next run takes the rest. */
const BATCH = 100;

/**
 * Resolved feedback whose reporter said nothing for RATING_WINDOW_DAYS closes itself (the system's move, in
 * the timeline). Runs on a schedule; safe to run twice or concurrently: each close is a conditional write on
 * the version just read, and an item rated or reopened meanwhile is no longer due. Returns how many it closed.
 */
export const closeUnratedFeedback = async (now: Date): Promise<number> => {
  let closed = 0;
  for (const { communityId, id } of await listDueToClose(now, BATCH)) {
    const current = await getFeedback(communityId, id);
    if (!current || current.status !== 'resolved') continue;
    try {
      await moveFeedback({
        current,
        expectedVersion: current.version,
        actor: 'system',
        entry: {
          at: now.toISOString(),
          to: 'closed',
          note: `居民 ${RATING_WINDOW_DAYS} 天内未评价，系统自动办结`,
          byRole: 'system',
          byName: '系统',
        },
      });
      closed++;
    } catch (err) {
      // changed meanwhile (rated, reopened): no longer this job's to close
      logger.info('auto-close skipped', { reason: (err as Error).message });
    }
  }
  return closed;
};
