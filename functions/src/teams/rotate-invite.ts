import { randomInt } from 'node:crypto';
import type { teamsApi } from '../../../shared/api/teams';
import { isJoinable } from '../../../shared/teams/status';
import type { Handler } from '../http/route';
import { leadersTeam } from './access';
import { notJoinable } from './problems';
import { deleteInvitePointer, putInvitePointer, setTeamInvite } from './store';

/** How long an invite code works; the leader makes a new one whenever they like (the old one stops). */
export const INVITE_DAYS = 30;
/** The letters and digits of a code, without the look-alikes 0/O and 1/I (the contract's InviteCode). */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export const newInviteCode = (): string => Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/**
 * Its leader makes a new invite code to share (as text, or a QR code the page draws). The code's pointer is
 * claimed first (a code another team holds is skipped), then the team takes it, then the old code's pointer
 * goes. A pointer always leads to a team, and a join checks that the team's own code is still this one.
 */
export const rotateTeamInvite: Handler<typeof teamsApi.rotateTeamInvite> = async ({ params }, { principal, now }) => {
  const cid = principal.communityId;
  const team = await leadersTeam(principal, params.id);
  if (!isJoinable(team.status)) throw notJoinable();
  let code = newInviteCode();
  for (let attempt = 0; !(await putInvitePointer(cid, code, team.id)); attempt++) {
    if (attempt >= 5) throw new Error('no free invite code after 6 tries');
    code = newInviteCode();
  }
  const invite = { code, expiresAt: new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString() };
  if (!(await setTeamInvite(cid, team.id, principal.userId, invite))) {
    await deleteInvitePointer(cid, code);
    throw notJoinable();
  }
  if (team.invite && team.invite.code !== code) await deleteInvitePointer(cid, team.invite.code);
  return invite;
};
