import type { scoringApi } from '../../../shared/api/scoring';
import { isStaff } from '../../../shared/roles';
import type { Handler } from '../http/route';
import { allSessions, listStudioMembers as readMembers } from './store';
import { presentStudioMember } from './studio';

/**
 * The Old Secretary Studio's members with the sessions each led: residents see the members; staff see the whole
 * list (invited, declined, left) and the health notes it was drawn up by.
 */
export const listStudioMembers: Handler<typeof scoringApi.listStudioMembers> = async ({ query }, { principal }) => {
  const staff = isStaff(principal.roles);
  const [members, sessions] = await Promise.all([readMembers(principal.communityId), allSessions(principal.communityId)]);
  const wanted = staff ? query.status : 'member';
  return { items: members.filter((m) => !wanted || m.status === wanted).map((m) => presentStudioMember(m, sessions, staff)) };
};
