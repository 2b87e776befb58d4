/**
 * The life of a dance team's registration (备案). One table of allowed moves per actor; the server enforces it,
 * the pages read it to offer only the buttons that can succeed.
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved ──suspend──▶ suspended
 *                       │   │                   ▲                      │
 *                       │   └─reject─▶ rejected  └───────reinstate─────┘
 *                       └─ask for changes─▶ changes_requested ──resubmit──▶ submitted
 */
export const TEAM_STATUSES = ['draft', 'submitted', 'changes_requested', 'approved', 'rejected', 'suspended'] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];

export const TEAM_STATUS_LABELS: Record<TeamStatus, string> = {
  draft: '草稿',
  submitted: '待审核',
  changes_requested: '需修改',
  approved: '已备案',
  rejected: '未通过',
  suspended: '已暂停',
};

/** Who moves a registration: its leader (submit, resubmit) and the committee (every decision). */
export type TeamActor = 'leader' | 'committee';

const MOVES: Record<TeamActor, Record<TeamStatus, readonly TeamStatus[]>> = {
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
    // e.g. after repeated noise complaints
    approved: ['suspended'],
    // reinstated
    suspended: ['approved'],
    rejected: [],
  },
};

export const allowedTeamMoves = (from: TeamStatus, actor: TeamActor): readonly TeamStatus[] => MOVES[actor][from];

export const canMoveTeam = (from: TeamStatus, to: TeamStatus, actor: TeamActor): boolean => MOVES[actor][from].includes(to);

/** The committee's decisions by name, as the history, the audit trail and the buttons call them. */
export type TeamDecision = 'approve' | 'reject' | 'request-changes' | 'suspend' | 'reinstate';

export const decisionOf = (from: TeamStatus, to: TeamStatus): TeamDecision | undefined => {
  if (!canMoveTeam(from, to, 'committee')) return undefined;
  if (to === 'approved') return from === 'suspended' ? 'reinstate' : 'approve';
  if (to === 'rejected') return 'reject';
  if (to === 'changes_requested') return 'request-changes';
  return 'suspend';
};

export const TEAM_DECISION_LABELS: Record<TeamDecision, string> = {
  approve: '批准备案',
  reject: '不予备案',
  'request-changes': '退回修改',
  suspend: '暂停活动',
  reinstate: '恢复活动',
};

/** Every decision but a first approval must give the team its reason (it stays in the team's history). */
export const reasonRequired = (decision: TeamDecision): boolean => decision !== 'approve';

export type TeamDecisionCheck = { ok: true; decision: TeamDecision } | { ok: false; reason: 'not_allowed' | 'reason_required' };

/** Decides whether the committee may move a team in `from` to `to` with this reason. Pure: page and server share it. */
export const checkTeamDecision = (from: TeamStatus, to: TeamStatus, reason: string | undefined): TeamDecisionCheck => {
  const decision = decisionOf(from, to);
  if (!decision) return { ok: false, reason: 'not_allowed' };
  if (reasonRequired(decision) && !reason?.trim()) return { ok: false, reason: 'reason_required' };
  return { ok: true, decision };
};

/** The leader edits the filing only before it is submitted, or when the committee asked for changes. */
export const EDITABLE_STATUSES: readonly TeamStatus[] = ['draft', 'changes_requested'];
export const isEditable = (status: TeamStatus): boolean => EDITABLE_STATUSES.includes(status);

/**
 * Teams that hold places at their venue: approved ones, and suspended ones (a suspension is for a while; the team
 * comes back to its slots, so nobody else gets them meanwhile).
 */
export const HOLDING_STATUSES: readonly TeamStatus[] = ['approved', 'suspended'];
export const holdsPlaces = (status: TeamStatus): boolean => HOLDING_STATUSES.includes(status);

/** Residents may join a team at any stage but a refused one. */
export const isJoinable = (status: TeamStatus): boolean => status !== 'rejected';

/** A status nobody can leave. */
export const isFinalTeamStatus = (status: TeamStatus): boolean =>
  (Object.keys(MOVES) as TeamActor[]).every((actor) => MOVES[actor][status].length === 0);
