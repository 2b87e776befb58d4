import type { teamsApi } from '../../../shared/api/teams';
import type { Handler } from '../http/route';
import { HttpProblem } from '../http/problem';
import { currentRules } from './store';

/** The dance rules in force: every member reads and accepts this version. */
export const getCurrentDanceRules: Handler<typeof teamsApi.getCurrentDanceRules> = async (_input, { principal }) => {
  const rules = await currentRules(principal.communityId);
  if (!rules) throw new HttpProblem(404, 'no-dance-rules', '未找到', '社区还没有发布舞队规章');
  return rules;
};
