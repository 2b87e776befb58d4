import type { identityApi } from '../../../../shared/api/identity';
import type { Handler } from '../../http/route';
import { listBranches as readBranches, listPeopleWithRole } from '../store';

/** The branches staff assign feedback to. */
export const listBranches: Handler<typeof identityApi.listBranches> = async (_input, { principal }) => ({
  items: await readBranches(principal.communityId),
});

/** The red stewards staff assign feedback to. */
export const listStewards: Handler<typeof identityApi.listStewards> = async (_input, { principal }) => ({
  items: await listPeopleWithRole(principal.communityId, 'steward'),
});
