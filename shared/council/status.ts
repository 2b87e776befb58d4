/**
 * The life of a motion (议题). What is stored is its status; where a scheduled motion stands is derived from the
 * time on every read (its phase), so nothing has to happen at the moment discussion starts or voting opens. Only
 * the outcome is written at close (by a scheduled job, or the first read after close, whichever comes first).
 *
 *   proposed ──schedule──▶ scheduled ─────────────(time)──────────────────────────────▶ decided
 *      │                     │  phases: scheduled → discussion → voting → counting ─decide─┘
 *      └──withdraw──▶ withdrawn ◀──withdraw (until voting opens)
 *
 * Two explicit tables: the stored moves, and which act may happen in which phase, by whom. The server enforces
 * both; the pages read them to offer only what can succeed.
 */

export const MOTION_STATUSES = ['proposed', 'scheduled', 'withdrawn', 'decided'] as const;
export type MotionStatus = (typeof MOTION_STATUSES)[number];

export const MOTION_PHASES = ['proposed', 'scheduled', 'discussion', 'voting', 'counting', 'decided', 'withdrawn'] as const;
export type MotionPhase = (typeof MOTION_PHASES)[number];

export const MOTION_PHASE_LABELS: Record<MotionPhase, string> = {
  proposed: '待安排',
  scheduled: '已安排',
  discussion: '讨论中',
  voting: '投票中',
  counting: '计票中',
  decided: '已表决',
  withdrawn: '已撤回',
};

/** Stored moves: from a status, the statuses an act may write. Rescheduling stays `scheduled`. */
export const MOTION_MOVES: Record<MotionStatus, readonly MotionStatus[]> = {
  proposed: ['scheduled', 'withdrawn'],
  scheduled: ['scheduled', 'withdrawn', 'decided'],
  withdrawn: [],
  decided: [],
};

export const canMoveMotion = (from: MotionStatus, to: MotionStatus): boolean => MOTION_MOVES[from].includes(to);

export const MOTION_ACTS = ['schedule', 'withdraw', 'comment', 'vote', 'record-in-person', 'close-early', 'decide'] as const;
export type MotionAct = (typeof MOTION_ACTS)[number];

/** Who acts on motions: the council's chair, its members (on the roll, for votes), the one who proposed it, the committee (staff), the system (the close job, or a read after close). */
export type MotionActor = 'chair' | 'member' | 'proposer' | 'committee' | 'system';

/** Which act may happen in which phase, and by whom. */
export const MOTION_ACT_TABLE: Record<MotionAct, { phases: readonly MotionPhase[]; actors: readonly MotionActor[] }> = {
  // the chair sets the periods and the voting rules, and may change them until voting opens
  schedule: { phases: ['proposed', 'scheduled', 'discussion'], actors: ['chair', 'committee'] },
  withdraw: { phases: ['proposed', 'scheduled', 'discussion'], actors: ['proposer', 'chair', 'committee'] },
  // comments close when voting opens
  comment: { phases: ['discussion'], actors: ['member', 'chair', 'committee'] },
  vote: { phases: ['voting'], actors: ['member', 'chair'] },
  'record-in-person': { phases: ['voting'], actors: ['chair', 'committee'] },
  // and only when every member on the roll has voted
  'close-early': { phases: ['voting'], actors: ['chair', 'committee'] },
  decide: { phases: ['counting'], actors: ['system'] },
};

export const actAllowedIn = (act: MotionAct, phase: MotionPhase): boolean => MOTION_ACT_TABLE[act].phases.includes(phase);

export const actAllowedFor = (act: MotionAct, actors: readonly MotionActor[]): boolean => actors.some((a) => MOTION_ACT_TABLE[act].actors.includes(a));

export interface MotionTimes {
  discussionStartsAt: string;
  votingOpensAt: string;
  votingClosesAt: string;
}

/** When voting ends: at the scheduled close, or earlier if the chair closed it (every member had voted). */
export const effectiveClose = (times: Pick<MotionTimes, 'votingClosesAt'>, closedEarlyAt?: string): string =>
  closedEarlyAt && closedEarlyAt < times.votingClosesAt ? closedEarlyAt : times.votingClosesAt;

/** Where a motion stands at `now` (ISO times compare as strings). */
export const phaseOf = (m: { status: MotionStatus; times?: MotionTimes; closedEarlyAt?: string }, now: string): MotionPhase => {
  if (m.status !== 'scheduled' || !m.times) return m.status === 'scheduled' ? 'scheduled' : m.status;
  if (now < m.times.discussionStartsAt) return 'scheduled';
  if (now < m.times.votingOpensAt) return 'discussion';
  if (now < effectiveClose(m.times, m.closedEarlyAt)) return 'voting';
  return 'counting';
};

// ---------------------------------------------------------------------------------------------------------------
// The schedule's limits and the reminders

/** The shortest voting window: long enough for members to see it. */
export const MIN_VOTING_MINUTES = 10;
export const MAX_VOTING_DAYS = 30;
/** How far in the past a start may lie (the form was filled a minute ago). */
export const SCHEDULE_GRACE_MS = 5 * 60_000;

export type ScheduleProblem = { path: keyof MotionTimes; message: string };

/** What is wrong with a schedule as of `now`: the order of the times, the window's length, times already past. */
export const scheduleProblems = (t: MotionTimes, now: Date): ScheduleProblem[] => {
  const ms = (s: string) => Date.parse(s);
  const problems: ScheduleProblem[] = [];
  if (ms(t.discussionStartsAt) > ms(t.votingOpensAt)) problems.push({ path: 'discussionStartsAt', message: '讨论须在投票开始前开始' });
  if (ms(t.votingOpensAt) < now.getTime() - SCHEDULE_GRACE_MS) problems.push({ path: 'votingOpensAt', message: '投票开始时间不能早于现在' });
  const minutes = (ms(t.votingClosesAt) - ms(t.votingOpensAt)) / 60_000;
  if (minutes < MIN_VOTING_MINUTES) problems.push({ path: 'votingClosesAt', message: `投票时间至少 ${MIN_VOTING_MINUTES} 分钟` });
  if (minutes > MAX_VOTING_DAYS * 24 * 60) problems.push({ path: 'votingClosesAt', message: `投票时间最长 ${MAX_VOTING_DAYS} 天` });
  return problems;
};

/** Reminders to members who have not voted: a day and an hour before close. */
export const REMINDERS = [
  { kind: 'day', beforeMs: 24 * 3600_000, label: '24 小时' },
  { kind: 'hour', beforeMs: 3600_000, label: '1 小时' },
] as const;
export type ReminderKind = (typeof REMINDERS)[number]['kind'];

/**
 * The reminder due at `now`, if any: the latest whose moment has come while voting is open. One that was missed
 * (voting opened, or the job first ran, after the next one's moment) is not sent late: members get the later one.
 */
export const dueReminder = (t: Pick<MotionTimes, 'votingOpensAt'>, close: string, now: Date): ReminderKind | undefined => {
  const at = now.getTime();
  if (at < Date.parse(t.votingOpensAt) || at >= Date.parse(close)) return undefined;
  const due = REMINDERS.filter((r) => at >= Date.parse(close) - r.beforeMs);
  return due.at(-1)?.kind;
};
