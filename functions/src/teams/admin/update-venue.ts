import type { teamsApi } from '../../../../shared/api/teams';
import { recordAudit } from '../../audit/trail';
import { conflict } from '../../http/problem';
import type { Handler } from '../../http/route';
import { getVenue, updateVenue as saveVenue } from '../store';
import { toVenue, venueNotFound } from '../venues';

export const staleVenue = () => conflict('stale-version', '场地信息刚被其他人修改过，请刷新后再改');

/**
 * The committee changes a venue with the version it read. Teams already holding places keep them, even where the
 * capacity went down or the hours shrank (the timetable shows where a venue is over its capacity); new filings
 * and approvals meet the venue as it is now.
 */
export const updateVenue: Handler<typeof teamsApi.updateVenue> = async ({ params, body }, { principal, now, sourceIp }) => {
  const current = await getVenue(principal.communityId, params.id);
  if (!current) throw venueNotFound();
  if (current.version !== body.version) throw staleVenue();
  const { version, ...form } = body;
  const updated = await saveVenue(principal.communityId, params.id, form, version, now.toISOString());
  if (!updated) throw staleVenue();
  await recordAudit({
    action: 'venue-update',
    actor: principal,
    at: now,
    sourceIp,
    target: { kind: 'venue', id: params.id },
    change: current.capacity === body.capacity ? 'hours or name' : `capacity ${current.capacity} → ${body.capacity}`,
  });
  return toVenue(updated);
};
