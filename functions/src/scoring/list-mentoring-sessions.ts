import type { scoringApi } from '../../../shared/api/scoring';
import { isStaff } from '../../../shared/roles';
import type { Handler } from '../http/route';
import { listSessions, listStudioMembers } from './store';
import { presentSession } from './studio';

/** The studio's mentoring sessions, latest first (attendees' names for staff only). */
export const listMentoringSessions: Handler<typeof scoringApi.listMentoringSessions> = async ({ query }, { principal }) => {
  const [page, members] = await Promise.all([listSessions(principal.communityId, query.limit, query.cursor), listStudioMembers(principal.communityId)]);
  const names = new Map(members.map((m) => [m.id, m.name]));
  const staff = isStaff(principal.roles);
  return { items: page.items.map((s) => presentSession(s, names, staff)), nextCursor: page.nextCursor };
};
