import type { teamsApi } from '../../../shared/api/teams';
import type { Handler } from '../http/route';
import { membersTeam, pageFor, teamNotFound } from './access';
import { rulesOutdated } from './problems';
import { currentRules, recordAcceptance, setMemberRules } from './store';

/**
 * A member says they have read and accept the dance rules, naming the version they read: only the version in
 * force counts (409 otherwise, so the page shows the new text). Recorded on the member's details and, as what
 * counts, on the team's set of acceptances. Accepting again changes nothing.
 */
export const acceptDanceRules: Handler<typeof teamsApi.acceptDanceRules> = async ({ params, body }, { principal, now }) => {
  const cid = principal.communityId;
  const team = await membersTeam(principal, params.id);
  const rules = await currentRules(cid);
  if (!rules || rules.version !== body.rulesVersion) throw rulesOutdated();
  await setMemberRules(cid, team.id, [principal.userId], { version: rules.version, at: now.toISOString(), how: 'app' });
  const updated = await recordAcceptance(cid, team.id, [principal.userId], rules.version);
  if (updated === 'outdated') throw rulesOutdated();
  if (!updated) throw teamNotFound();
  return pageFor(principal, updated, now);
};
