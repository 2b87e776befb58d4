import type { AdminSection } from '../../components/admin/AdminShell';

/**
 * The committee's workspace, by capability. A new capability (舞队, 议事会, 星级评定) adds one line here and its
 * pages; the shell (components/admin/AdminShell) shows only what is listed, so there are no dead links.
 */
export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { key: 'feedback', label: '反馈', entry: '/packages/admin/queue/index' },
  { key: 'stats', label: '统计', entry: '/packages/admin/stats/index' },
  // Dance teams: the review queue, and from it the venues, the dance rules and the venues' week grid.
  { key: 'teams', label: '舞队', entry: '/packages/admin/teams/index' },
  // The council: its seats by party, motions to schedule, in-person ballots, outcomes.
  { key: 'council', label: '议事会', entry: '/packages/admin/councils/index' },
  // Red stewards' home visits and help: coverage per steward and compound, the households on their lists.
  { key: 'stewards', label: '走访', entry: '/packages/admin/coverage/index' },
  // Branch star rating: the periods, each period's board (progress, stars, assignments), results over periods.
  { key: 'scoring', label: '星级评定', entry: '/packages/admin/scoring-periods/index' },
  // The Old Secretary Studio (老书记工作室): the old secretaries' list and invitations, their mentoring sessions.
  { key: 'studio', label: '老书记', entry: '/packages/admin/studio-members/index' },
  // The lists the other sections pick from (today the compounds; later venues keep their place in 舞队).
  { key: 'compounds', label: '小区', entry: '/packages/admin/compounds/index' },
  // Who did what, for the admin only (the trail names staff and their addresses).
  { key: 'audit', label: '操作记录', entry: '/packages/admin/audit/index', roles: ['admin'] },
];
