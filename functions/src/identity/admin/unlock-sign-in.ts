import type { identityApi } from '../../../../shared/api/identity';
import type { Handler } from '../../http/route';
import { recordAudit } from '../../audit/trail';
import { clearAccountThrottles } from '../store';

/**
 * An admin lifts the slow-down on a staff account from every address (its owner called: it is them). The
 * addresses' own counters stay: a guesser's address is still slowed down for every account.
 */
export const unlockSignIn: Handler<typeof identityApi.unlockSignIn> = async ({ body }, { principal, now, sourceIp }) => {
  const username = body.username.toLowerCase();
  const cleared = await clearAccountThrottles(principal.communityId, username);
  await recordAudit({ action: 'sign-in-unlock', actor: principal, at: now, sourceIp, target: { kind: 'account', id: username }, change: `cleared ${cleared}` });
  return { cleared };
};
