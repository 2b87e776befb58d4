import type { stewardsApi } from '../../../shared/api/stewards';
import type { Handler } from '../http/route';
import { readRecordFor, todayFor } from './access';
import { householdSummary, presentRecord } from './present';
import { listHouseholds } from './store';

/** The steward's own households, the longest waiting for a visit first, with their names (they visit them). */
export const listMyHouseholds: Handler<typeof stewardsApi.listMyHouseholds> = async ({ query }, { principal, now }) => {
  const cid = principal.communityId;
  const [today, page] = await Promise.all([todayFor(cid, now), listHouseholds(cid, { stewardId: principal.userId }, query.limit, query.cursor)]);
  return { items: page.items.map((h) => householdSummary(h, today, false)), nextCursor: page.nextCursor };
};

/** A household's record, for its steward or staff (a staff read is audited). */
export const getHousehold: Handler<typeof stewardsApi.getHousehold> = async ({ params }, { principal, now, sourceIp }) => {
  const [found, today] = await Promise.all([readRecordFor(principal, params.id, { now, sourceIp }), todayFor(principal.communityId, now)]);
  return presentRecord(found.household, found.work, today);
};
