import type { teamsApi } from '../../../../shared/api/teams';
import { recordAudit } from '../../audit/trail';
import { conflict } from '../../http/problem';
import type { Handler } from '../../http/route';
import { currentRules, putRulesVersion } from '../store';

const stale = () => conflict('stale-version', '规章刚发布了新版本，请刷新后再改');

/**
 * The committee publishes a new version of the dance rules, based on the version it read: each version is its
 * own item, put only if that number is free, so two publishing at once cannot both become version n. Members'
 * acceptances of earlier versions stop counting: every team asks its members again.
 */
export const publishDanceRules: Handler<typeof teamsApi.publishDanceRules> = async ({ body }, { principal, now, sourceIp }) => {
  const current = await currentRules(principal.communityId);
  if ((current?.version ?? 0) !== body.previousVersion) throw stale();
  const rules = { version: body.previousVersion + 1, title: body.title, text: body.text, publishedAt: now.toISOString(), publishedByName: principal.name };
  if (!(await putRulesVersion(principal.communityId, rules))) throw stale();
  await recordAudit({ action: 'dance-rules-publish', actor: principal, at: now, sourceIp, target: { kind: 'dance-rules', id: String(rules.version) } });
  return rules;
};
