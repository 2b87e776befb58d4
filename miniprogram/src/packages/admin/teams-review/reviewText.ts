import type { Team } from '../../../../../shared/api/teams';
import { DEFAULT_VALID_MONTHS, validUntil } from '../../../../../shared/teams/registration';
import { TEAM_DECISION_LABELS, allowedTeamMoves, decisionOf, reasonRequired, type TeamDecision, type TeamStatus } from '../../../../../shared/teams/status';
import { slotProblemText, type SlotProblem } from '../../../../../shared/teams/capacity';
import type { WeeklySlot } from '../../../../../shared/teams/slots';
import { dateText, slotText } from '../../../components/teams/teamText';

/*
 * How the committee's review of a team words its decisions (TeamReview, DecisionSection). Pure, and loaded by the
 * unit tests (relative imports of shared/).
 */

/** One decision the status machine lets the committee take on a team now, as its button offers it. */
export interface DecisionOption {
  to: TeamStatus;
  decision: TeamDecision;
  label: string;
  needsReason: boolean;
  /** Ends the filing or stops the team dancing: asked twice, drawn as a danger button. */
  destructive: boolean;
}

/** The order the buttons come in: the hoped-for outcome first, the hardest last. */
const ORDER: readonly TeamDecision[] = ['approve', 'reinstate', 'request-changes', 'suspend', 'reject'];
const DESTRUCTIVE: readonly TeamDecision[] = ['reject', 'suspend'];

/** The committee's decisions on a team in `status` (none: nothing to decide now). */
export const decisionsFor = (status: TeamStatus): DecisionOption[] =>
  allowedTeamMoves(status, 'committee')
    .map((to) => {
      const decision = decisionOf(status, to)!;
      return { to, decision, label: TEAM_DECISION_LABELS[decision], needsReason: reasonRequired(decision), destructive: DESTRUCTIVE.includes(decision) };
    })
    .sort((a, b) => ORDER.indexOf(a.decision) - ORDER.indexOf(b.decision));

/** What the dialog asks before a destructive decision (its confirm label fits WeChat's 4 characters). */
export const decisionQuestion = (decision: TeamDecision, teamName: string): { title: string; content: string; confirmText: string } | undefined => {
  switch (decision) {
    case 'reject':
      return {
        title: `确定对「${teamName}」不予备案吗？`,
        content: '队长会在备案记录中看到您填写的理由。不予备案后，这份备案就此结束，不能再审核；队伍要活动须重新备案。',
        confirmText: '不予备案',
      };
    case 'suspend':
      return {
        title: `确定暂停「${teamName}」的活动吗？`,
        content: '暂停期间这支队伍不能在场地活动，它的活动时段仍为它保留；队长会看到您填写的理由。整改后可以恢复活动。',
        confirmText: '暂停活动',
      };
    default:
      return undefined;
  }
};

/** The message once a decision went through. */
export const decisionDoneText = (decision: TeamDecision, team: Pick<Team, 'registration'>): string => {
  switch (decision) {
    case 'approve':
      return team.registration
        ? `已批准备案。备案编号 ${team.registration.number}，有效期至 ${dateText(team.registration.validUntil)}。`
        : '已批准备案。';
    case 'reinstate':
      return '已恢复活动，队长会在备案记录中看到您填写的理由。';
    case 'request-changes':
      return '已退回修改，队长会看到您填写的理由，修改后可以重新提交。';
    case 'suspend':
      return '已暂停活动，队长会看到您填写的理由。';
    case 'reject':
      return '已不予备案，队长会看到您填写的理由。';
  }
};

/** A missing reason, said where it is typed. */
export const reasonMissingText = (label: string): string => `请先填写理由，再点「${label}」`;

/** How long an approval may hold, in months: the choices offered (the server takes 1–36). */
export const VALID_MONTH_CHOICES: readonly number[] = [3, 6, 12, 24, 36];

export const validMonthsLabel = (months: number): string =>
  `${months % 12 === 0 ? `${months / 12} 年` : `${months} 个月`}${months === DEFAULT_VALID_MONTHS ? '（通常）' : ''}`;

/** `批准后有效期至 2027年11月26日` for an approval on `today` (a China date) holding `months`. */
export const validUntilText = (today: string, months: number): string => `批准后有效期至 ${dateText(validUntil(today, months))}`;

/** Members who have not accepted the rules in force, by name (in roster order). */
export const pendingMemberNames = (team: Pick<Team, 'members' | 'rules'>): string[] =>
  team.rules.pendingMemberIds.map((id) => team.members.find((m) => m.id === id)?.name ?? '已退出的队员');

/**
 * What the server said when it refused a decision, as lines a person reads: its sentence, then each slot or
 * field it named (venue full in 周二 18:30–18:45, a slot in quiet hours…), and for unaccepted rules who they are.
 */
export const refusalLines = (
  problem: { kind: string; message: string; errors?: readonly { message: string }[] },
  team: Pick<Team, 'members' | 'rules'> | null,
): string[] => {
  const lines = [problem.message];
  for (const e of problem.errors ?? []) if (!lines.includes(e.message)) lines.push(e.message);
  if (problem.kind === 'rules-not-accepted' && team) {
    const names = pendingMemberNames(team);
    if (names.length) lines.push(`尚未确认的队员：${names.join('、')}`);
  }
  return lines;
};

/** The statuses the committee's list filters by, the review queue first (drafts are the leaders' own until sent). */
export const QUEUE_STATUSES: readonly TeamStatus[] = ['submitted', 'changes_requested', 'approved', 'suspended', 'rejected'];

const QUEUE_TITLES: Record<TeamStatus, string> = {
  draft: '草稿',
  submitted: '待审核的备案',
  changes_requested: '已退回修改的备案',
  approved: '已备案的舞队',
  suspended: '暂停活动的舞队',
  rejected: '未通过的备案',
};
export const teamQueueTitle = (status: TeamStatus): string => QUEUE_TITLES[status];

export const teamQueueEmpty = (status: TeamStatus): string =>
  status === 'submitted' ? '没有待审核的备案，队长提交后会出现在这里。' : `没有${QUEUE_TITLES[status]}。`;

/**
 * The slot check before an approval (checkTeamSlots), one line per slot with something in its way:
 * `周二 18:30–19:30：18:30–19:30 场地已有 1 支队伍，最多容纳 1 支`. Empty when every slot may be approved.
 */
export const slotCheckLines = (slots: readonly WeeklySlot[], problems: readonly (readonly SlotProblem[])[]): string[] =>
  slots.flatMap((s, i) => {
    const ps = problems[i] ?? [];
    return ps.length ? [`${slotText(s)}：${ps.map(slotProblemText).join('；')}`] : [];
  });
