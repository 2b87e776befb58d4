import type { teamsApi } from '../../../../shared/api/teams';
import { recordAudit } from '../../audit/trail';
import { getFeedback } from '../../feedback/store';
import { notFound, unprocessable } from '../../http/problem';
import type { Handler } from '../../http/route';
import { teamNotFound } from '../access';
import { getTeam, listComplaints, putComplaint } from '../store';

/**
 * The committee links a noise complaint (feedback of category 噪音扰民, in its community) to the team it is about.
 * The link keeps the complaint's number, title and time, never who reported it; the team page and the committee's
 * list show it. Linking the same complaint again changes nothing (and records nothing again).
 */
export const linkNoiseComplaint: Handler<typeof teamsApi.linkNoiseComplaint> = async ({ params, body }, { principal, now, sourceIp }) => {
  const cid = principal.communityId;
  const [team, feedback] = await Promise.all([getTeam(cid, params.id), getFeedback(cid, body.feedbackId)]);
  if (!team) throw teamNotFound();
  if (!feedback) throw notFound('反馈不存在');
  if (feedback.category !== 'noise') throw unprocessable('not-noise', '只能关联“噪音扰民”类的反馈');
  const at = now.toISOString();
  const link = await putComplaint(cid, team.id, {
    feedbackId: feedback.id,
    ...(feedback.ref ? { ref: feedback.ref } : {}),
    title: feedback.title,
    reportedAt: feedback.createdAt,
    linkedAt: at,
    linkedByName: principal.name,
    ...(body.note ? { note: body.note } : {}),
  });
  if (link.linkedAt === at)
    await recordAudit({ action: 'team-complaint-link', actor: principal, at: now, sourceIp, target: { kind: 'team', id: team.id }, change: `feedback ${feedback.id}` });
  return link;
};

/** The complaints linked to a team, newest complaint first. */
export const listTeamComplaints: Handler<typeof teamsApi.listTeamComplaints> = async ({ params, query }, { principal }) => {
  if (!(await getTeam(principal.communityId, params.id))) throw teamNotFound();
  return listComplaints(principal.communityId, params.id, query.limit, query.cursor);
};
