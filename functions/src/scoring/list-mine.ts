import type { scoringApi } from '../../../shared/api/scoring';
import type { Handler } from '../http/route';
import { isSecretaryOf, memberOf } from './access';
import { periodSummary } from './present';
import { assessmentIdOf, getPeriod, listPeriods } from './store';

/** How far back “my work” looks: a secretary's or reviewer's work is in the latest periods. */
const PERIODS = 10;

/** The branches I am secretary of and those I review, in the latest periods (newest first). */
export const listMyScoringWork: Handler<typeof scoringApi.listMyScoringWork> = async (_input, { principal, now }) => {
  const cid = principal.communityId;
  const { items } = await listPeriods(cid, PERIODS);
  const periods = await Promise.all(items.map((p) => getPeriod(cid, p.id)));
  return {
    items: periods.flatMap((p) => {
      if (!p) return [];
      const member = memberOf(p, principal.userId);
      const ref = (b: { id: string; name: string }) => ({ branchId: b.id, branchName: b.name, assessmentId: assessmentIdOf(cid, p.id, b.id) });
      const secretaryOf = p.branches.filter((b) => isSecretaryOf(p, b.id, principal.userId)).map(ref);
      const reviewerOf = member ? p.branches.filter((b) => member.branchIds.includes(b.id)).map(ref) : [];
      if (!secretaryOf.length && !member) return [];
      return [{ period: periodSummary(p, now), secretaryOf, reviewerOf, lead: Boolean(member?.lead) }];
    }),
  };
};
