import type { councilApi } from '../../../shared/api/council';
import type { Handler } from '../http/route';
import { readCouncil } from './access';
import { councilSummary, mySeatsView, presentCouncil } from './present';
import { changeSeats } from './seating';
import { listCouncils as readCouncils } from './store';

/** The community's councils, with their parties and how many sit in each today. */
export const listCouncils: Handler<typeof councilApi.listCouncils> = async (_input, { principal, now }) => ({
  items: (await readCouncils(principal.communityId)).map((c) => councilSummary(c, principal, now)),
});

/** A council's page: its purpose and who sits for which party (public in the community). */
export const getCouncil: Handler<typeof councilApi.getCouncil> = async ({ params }, { principal, now }) =>
  presentCouncil(await readCouncil(principal, params.id), principal, now);

/**
 * The seats the caller holds, in every council of the community (a handful: one Query). A member signed in through
 * WeChat is remembered on their seats here (their openid), so reminders to vote reach them.
 */
export const listMyCouncilSeats: Handler<typeof councilApi.listMyCouncilSeats> = async (_input, { principal, now }) => {
  const councils = await readCouncils(principal.communityId);
  const { openid } = principal;
  const at = now.toISOString();
  const remembered = openid
    ? await Promise.all(
        councils.map((c) =>
          c.seats.some((s) => s.userId === principal.userId && s.openid !== openid)
            ? changeSeats(principal.communityId, c.id, at, (fresh) =>
                fresh.seats.some((s) => s.userId === principal.userId && s.openid !== openid)
                  ? fresh.seats.map((s) => (s.userId === principal.userId ? { ...s, openid } : s))
                  : undefined,
              )
            : c,
        ),
      )
    : councils;
  return { items: mySeatsView(remembered, principal, now) };
};
