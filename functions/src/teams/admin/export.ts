import type { teamsApi } from '../../../../shared/api/teams';
import { hourTotals } from '../../../../shared/teams/activities';
import { teamsCsv, type TeamExportRow } from '../../../../shared/teams/export';
import { HOLDING_STATUSES } from '../../../../shared/teams/status';
import { recordAudit } from '../../audit/trail';
import { chinaDate } from '../../feedback/china-time';
import type { Handler } from '../../http/route';
import { acceptedNow } from '../present';
import { allTeamsIn, currentRules, listVenues, readTeamPartition } from '../store';

/** Teams read at once for the export: each is one Query of its partition. */
const AT_ONCE = 8;

/**
 * The registered teams (approved and suspended) with their members, phone numbers and hours, as a CSV file for
 * Excel. It holds personal data, so it is for staff only and every export is recorded in the audit trail.
 */
export const exportTeams: Handler<typeof teamsApi.exportTeams> = async (_input, { principal, now, sourceIp }) => {
  const cid = principal.communityId;
  const [teams, rules, venues] = await Promise.all([allTeamsIn(cid, HOLDING_STATUSES), currentRules(cid), listVenues(cid)]);
  const venueNames = new Map(venues.map((v) => [v.id, v.name]));
  const rows: TeamExportRow[] = [];
  for (let i = 0; i < teams.length; i += AT_ONCE) {
    const partitions = await Promise.all(teams.slice(i, i + AT_ONCE).map((t) => readTeamPartition(cid, t.id)));
    for (const p of partitions) {
      if (!p) continue;
      const { team } = p;
      const totals = hourTotals(team.memberIds, p.activities);
      const accepted = acceptedNow(team, rules?.version);
      rows.push({
        name: team.name,
        registrationNumber: team.registration?.number,
        status: team.status,
        validUntil: team.registration?.validUntil,
        venueName: venueNames.get(team.venueId) ?? team.venueName,
        slots: team.slots,
        leaderName: team.leaderName,
        phone: team.phone,
        members: p.members.map((m) => ({
          name: m.name,
          ...(m.phone ? { phone: m.phone } : {}),
          ...(accepted.has(m.memberId) ? { acceptedRulesVersion: rules!.version } : m.rules ? { acceptedRulesVersion: m.rules.version } : {}),
          hours: totals.members[m.memberId]!,
        })),
        teamHours: { performance: totals.team.performance.hours, volunteer: totals.team.volunteer.hours },
      });
    }
  }
  rows.sort((a, b) => (a.registrationNumber ?? '').localeCompare(b.registrationNumber ?? '') || a.name.localeCompare(b.name, 'zh'));
  await recordAudit({ action: 'teams-export', actor: principal, at: now, sourceIp, change: `${rows.length} teams` });
  return { filename: `舞队名单_${chinaDate(now)}.csv`, csv: teamsCsv(rows) };
};
