import type { scoringApi } from '../../../shared/api/scoring';
import type { Handler } from '../http/route';
import { readPeriod } from './access';
import { presentPeriod } from './present';

/** A period: its sheet, branches, secretaries and working group (accounts and claim codes for staff only). */
export const getScoringPeriod: Handler<typeof scoringApi.getScoringPeriod> = async ({ params }, { principal, now }) =>
  presentPeriod(await readPeriod(principal.communityId, params.id), principal, now);
