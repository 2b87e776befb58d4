import { satisfactionPercent } from '../../../shared/scoring/results';
import { totalsOver, type StatRow } from '../../../shared/feedback/stats';
import { chinaDate } from '../feedback/china-time';
import { readStats } from '../feedback/stats';

/**
 * The branch's feedback figures for the period (residents' voice beside 服务群众): read from the feedback
 * statistics' counters (dimension `branch`), never counted again here. Counters are kept per month, so the
 * period is read as the months it touches, up to this month.
 */
export interface FeedbackFigures {
  branchName: string;
  from: string;
  to: string;
  resolved: number;
  reopened: number;
  ratings: number;
  satisfaction?: number;
  satisfactionPercent?: number;
  months: {
    month: string;
    resolved: number;
    reopened: number;
    ratings: number;
    satisfaction?: number;
    medianFirstResponse?: string;
    medianResolution?: string;
  }[];
}

/** The months a period's figures cover: its start month to its end month, but not past this month. */
export const figureMonths = (period: { startDate: string; endDate: string }, now: Date): { from: string; to: string } => {
  const thisMonth = chinaDate(now).slice(0, 7);
  const from = period.startDate.slice(0, 7);
  const end = period.endDate.slice(0, 7);
  const to = end < thisMonth ? end : thisMonth;
  return { from, to: to < from ? from : to };
};

/** The figures of one branch from the statistics rows of the period's months (read once for every branch). */
export const figuresOf = (all: readonly StatRow[], branchName: string, months: { from: string; to: string }): FeedbackFigures => {
  const rows = all.filter((r) => r.dimension === 'branch' && r.value === branchName);
  const total = totalsOver(rows, 'branch')[0];
  return {
    branchName,
    ...months,
    resolved: total?.resolved ?? 0,
    reopened: total?.reopened ?? 0,
    ratings: total?.ratings ?? 0,
    ...(total?.satisfaction !== undefined
      ? { satisfaction: Math.round(total.satisfaction * 100) / 100, satisfactionPercent: satisfactionPercent(total.satisfaction)! }
      : {}),
    months: rows.map((r) => ({
      month: r.month,
      resolved: r.resolved,
      reopened: r.reopened,
      ratings: r.ratings,
      ...(r.satisfaction !== undefined ? { satisfaction: Math.round(r.satisfaction * 100) / 100 } : {}),
      ...(r.medianFirstResponse ? { medianFirstResponse: r.medianFirstResponse } : {}),
      ...(r.medianResolution ? { medianResolution: r.medianResolution } : {}),
    })),
  };
};

/** The statistics rows of a period's months: one Query of the feedback counters. */
export const periodStats = async (cid: string, period: { startDate: string; endDate: string }, now: Date) => {
  const months = figureMonths(period, now);
  return { months, rows: await readStats(cid, months.from, months.to) };
};

export const feedbackFigures = async (cid: string, period: { startDate: string; endDate: string }, branchName: string, now: Date): Promise<FeedbackFigures> => {
  const { months, rows } = await periodStats(cid, period, now);
  return figuresOf(rows, branchName, months);
};

/** What the satisfaction cap reads from the figures (nothing without ratings). */
export const satisfactionOf = (f: Pick<FeedbackFigures, 'satisfactionPercent' | 'ratings'>) =>
  f.satisfactionPercent === undefined ? undefined : { percent: f.satisfactionPercent, ratings: f.ratings };
