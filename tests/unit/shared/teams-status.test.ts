/** The dance-team registration status machine, as an explicit table: every (actor, from, to) allowed or not. */
import {
  allowedTeamMoves,
  canMoveTeam,
  checkTeamDecision,
  decisionOf,
  holdsPlaces,
  isEditable,
  isFinalTeamStatus,
  isJoinable,
  TEAM_STATUS_LABELS,
  TEAM_STATUSES,
  type TeamActor,
  type TeamStatus,
} from '../../../shared/teams/status';

const EXPECTED: Record<TeamActor, Record<TeamStatus, TeamStatus[]>> = {
  leader: {
    draft: ['submitted'],
    submitted: [],
    changes_requested: ['submitted'],
    approved: [],
    rejected: [],
    suspended: [],
  },
  committee: {
    draft: [],
    submitted: ['approved', 'rejected', 'changes_requested'],
    changes_requested: [],
    approved: ['suspended'],
    rejected: [],
    suspended: ['approved'],
  },
};

const cells = (Object.keys(EXPECTED) as TeamActor[]).flatMap((actor) =>
  TEAM_STATUSES.flatMap((from) => TEAM_STATUSES.map((to) => [actor, from, to, EXPECTED[actor][from].includes(to)] as const)),
);

describe('the team status machine', () => {
  it.each(cells)('%s: %s → %s allowed: %s', (actor, from, to, allowed) => {
    expect(canMoveTeam(from, to, actor)).toBe(allowed);
  });

  it('lists the same moves it allows', () => {
    for (const actor of Object.keys(EXPECTED) as TeamActor[])
      for (const from of TEAM_STATUSES) expect([...allowedTeamMoves(from, actor)].sort()).toEqual([...EXPECTED[actor][from]].sort());
  });

  it('names each committee move as a decision: a first approval, a reinstatement, a refusal, a return, a suspension', () => {
    expect(decisionOf('submitted', 'approved')).toBe('approve');
    expect(decisionOf('suspended', 'approved')).toBe('reinstate');
    expect(decisionOf('submitted', 'rejected')).toBe('reject');
    expect(decisionOf('submitted', 'changes_requested')).toBe('request-changes');
    expect(decisionOf('approved', 'suspended')).toBe('suspend');
    expect(decisionOf('draft', 'approved')).toBeUndefined();
  });

  it('needs a reason for every decision but a first approval', () => {
    expect(checkTeamDecision('submitted', 'approved', undefined)).toEqual({ ok: true, decision: 'approve' });
    for (const [from, to] of [['submitted', 'rejected'], ['submitted', 'changes_requested'], ['approved', 'suspended'], ['suspended', 'approved']] as const) {
      expect(checkTeamDecision(from, to, '  ')).toEqual({ ok: false, reason: 'reason_required' });
      expect(checkTeamDecision(from, to, '多次噪音投诉')).toMatchObject({ ok: true });
    }
    expect(checkTeamDecision('draft', 'approved', '理由')).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('lets the leader edit only drafts and filings sent back, keeps places for approved and suspended teams, and refuses joins only to a refused team', () => {
    expect(TEAM_STATUSES.filter(isEditable)).toEqual(['draft', 'changes_requested']);
    expect(TEAM_STATUSES.filter(holdsPlaces)).toEqual(['approved', 'suspended']);
    expect(TEAM_STATUSES.filter((s) => !isJoinable(s))).toEqual(['rejected']);
    expect(TEAM_STATUSES.filter(isFinalTeamStatus)).toEqual(['rejected']);
  });

  it('has a Chinese label for every status', () => {
    for (const s of TEAM_STATUSES) expect(TEAM_STATUS_LABELS[s]).toMatch(/\p{Script=Han}/u);
  });
});
