import type { identityApi } from '../../../../shared/api/identity';
import { currentMonth, listAudit } from '../../audit/trail';
import type { Handler } from '../../http/route';

/** An admin reads what staff did, a month at a time, newest first. */
export const listAuditTrail: Handler<typeof identityApi.listAuditTrail> = async ({ query }, { principal, now }) =>
  listAudit(principal.communityId, query.month ?? currentMonth(now), query.limit, query.cursor);
