import type { identityApi } from '../../../../shared/api/identity';
import type { Handler } from '../../http/route';
import { listSignInThrottles as readThrottles } from '../store';

/** An admin sees which accounts and addresses are being slowed down, latest failure first. */
export const listSignInThrottles: Handler<typeof identityApi.listSignInThrottles> = async ({ query }, { principal }) =>
  readThrottles(principal.communityId, query.limit, query.cursor);
