import type { Motion, MotionSummary, TallyView } from '@shared/api/council';
import { SEAT_ROLE_LABELS, type SeatRole } from '@shared/council/seats';
import { formatTime } from '../format';

/** 召集人 · 红色小管家, or just the party for a plain member. */
export const seatText = (seat: { party: string; role: SeatRole }): string =>
  seat.role === 'member' ? seat.party : `${seat.party} · ${SEAT_ROLE_LABELS[seat.role]}`;

/** `2026-11-28 09:00 至 2026-12-01 18:00` */
export const windowText = (from: string, to: string): string => `${formatTime(from)} 至 ${formatTime(to)}`;

/** Where a motion stands, in a line under its title: when voting opens or closes, or how it was decided. */
export const motionWhenText = (m: Pick<MotionSummary, 'phase' | 'votingOpensAt' | 'votingClosesAt'>): string => {
  switch (m.phase) {
    case 'proposed':
      return '等待召集人安排讨论和投票时间';
    case 'scheduled':
    case 'discussion':
      return m.votingOpensAt ? `${formatTime(m.votingOpensAt)} 开始投票` : '';
    case 'voting':
      return m.votingClosesAt ? `投票截止 ${formatTime(m.votingClosesAt)}` : '';
    case 'counting':
      return '投票已截止，正在计票';
    default:
      return '';
  }
};

/** 赞成 6 · 反对 1 · 弃权 1 · 未投票 1 (options in their order, abstentions and who did not vote last). */
export const countsText = (t: TallyView): string =>
  [...t.options.map((o) => `${o.label} ${o.votes}`), `弃权 ${t.abstain}`, `未投票 ${t.notVoted}`].join(' · ');

/** The rules the chair set, each in words a member understands. */
export const settingsFacts = (s: NonNullable<Motion['settings']>): [string, string][] => [
  ['表决选项', [...s.options.map((o) => o.label)].join('、')],
  ['法定人数', `应投票成员的 ${s.quorumPercent}%（含弃权）`],
  ['通过规则', s.passRuleText],
  ['投票方式', s.secret ? '无记名投票：任何人（包括社区工作人员）都看不到个人的选择' : '记名投票：表决结束后公布每人的选择'],
  ['票数显示', s.resultsHiddenUntilClose ? '投票结束后公布' : '投票期间可以看到'],
  ['改票', s.allowBallotChange ? '投票截止前可以修改' : '投出后不能修改'],
];

/** How the motion came: a member's proposal, or the committee from a resident's feedback. */
export const proposedByText = (m: Pick<Motion, 'proposedBy'>): string =>
  m.proposedBy.kind === 'committee' ? `社区两委（${m.proposedBy.name}）提交` : `${m.proposedBy.name} 提议`;

const ACT_TEXT: Record<Motion['history'][number]['act'], string> = {
  propose: '提出议题',
  schedule: '安排讨论和投票',
  withdraw: '撤回议题',
  comment: '发言',
  vote: '投票',
  'record-in-person': '记录现场投票',
  'close-early': '提前结束投票',
  decide: '计票并公布结果',
};
export const historyActText = (act: Motion['history'][number]['act']): string => ACT_TEXT[act];
