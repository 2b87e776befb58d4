import type { identityApi } from '../../../shared/api/identity';
import { recordAudit } from '../audit/trail';
import { conflict } from '../http/problem';
import type { Handler } from '../http/route';
import { getCompounds, putCompounds } from './store';

/** The compounds the report form offers (the committee keeps the list). */
export const listCompounds: Handler<typeof identityApi.listCompounds> = async (_input, { principal }) => getCompounds(principal.communityId);

/** The committee replaces the list (adds, renames, reorders, removes) with the version it read. */
export const updateCompounds: Handler<typeof identityApi.updateCompounds> = async ({ body }, { principal, now, sourceIp }) => {
  if (!(await putCompounds(principal.communityId, body.names, body.version)))
    throw conflict('stale-version', '小区列表刚被其他人修改过，请刷新后再改');
  await recordAudit({ action: 'compounds-update', actor: principal, at: now, sourceIp, change: `${body.names.length} compounds` });
  return { names: body.names, version: body.version + 1 };
};
