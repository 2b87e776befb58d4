import type { stewardsApi } from '../../../../shared/api/stewards';
import { recordAudit } from '../../audit/trail';
import type { Handler } from '../../http/route';
import { staleSettings } from '../problems';
import { getSettings, putSettings } from '../store';

export const getStewardSettings: Handler<typeof stewardsApi.getStewardSettings> = async (_input, { principal }) => getSettings(principal.communityId);

/** The committee sets after how many days without a visit a household is overdue (with the version read). */
export const updateStewardSettings: Handler<typeof stewardsApi.updateStewardSettings> = async ({ body }, { principal, now, sourceIp }) => {
  const saved = await putSettings(principal.communityId, body.intervalDays, body.version);
  if (!saved) throw staleSettings();
  await recordAudit({ action: 'steward-settings', actor: principal, at: now, sourceIp, change: `visit interval ${body.intervalDays} days` });
  return saved;
};
