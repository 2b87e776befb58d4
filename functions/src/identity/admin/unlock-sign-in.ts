import type { identityApi } from '../../../../shared/api/identity';
import type { Handler } from '../../http/route';
import { logger } from '../../http/logger';
import { clearAccountThrottles } from '../store';

/**
 * An admin lifts the slow-down on a staff account from every address (its owner called: it is them). The
 * addresses' own counters stay: a guesser's address is still slowed down for every account.
 */
export const unlockSignIn: Handler<typeof identityApi.unlockSignIn> = async ({ body }, { principal }) => {
  const cleared = await clearAccountThrottles(principal.communityId, body.username.toLowerCase());
  logger.info('sign-in throttle lifted', { by: principal.userId, cleared });
  return { cleared };
};
