/** What the teams suites share: valid forms, and a team brought to a given stage through the API. */
import { randomUUID } from 'node:crypto';
import { api } from '../../shared/api';
import type { Role } from '../../shared/roles';
import { issueToken } from '../../functions/src/http/auth';
import type { Harness } from '../support/harness';

const { teams } = api;

export const COMMUNITY = 'baogong-qingnian';

/** A valid venue form: open 07:00–21:00, shorter in winter. */
export const aVenue = (overrides: Record<string, unknown> = {}) => ({
  name: `测试广场${randomUUID().slice(0, 6)}`,
  capacity: 2,
  allowedHours: [{ start: '07:00', end: '21:00' }],
  seasonalRules: [{ name: '冬季', months: [12, 1, 2], allowedHours: [{ start: '07:30', end: '20:30' }] }],
  ...overrides,
});

/** A valid filing at a venue: two evenings a week, with a loudspeaker and its commitment. */
export const aTeam = (venueId: string, overrides: Record<string, unknown> = {}) => ({
  name: '夕阳红舞蹈队',
  phone: '13912345678',
  venueId,
  slots: [
    { day: 1, start: '19:00', end: '20:00' },
    { day: 3, start: '19:00', end: '20:00' },
  ],
  expectedSize: 20,
  usesLoudspeaker: true,
  volumeLimitDb: 60,
  volumeCommitment: '音量控制在 60 分贝以内，20:30 前结束',
  ...overrides,
});

/** A token for a made-up person of the demo community (no sign-in needed: teams trust the token). */
export const someone = (name: string, roles: Role[] = ['resident'], communityId = COMMUNITY) =>
  issueToken({ userId: randomUUID(), communityId, name, roles });

export const expectStatus = (r: { status: number; body: unknown }, status: number) => {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body as any;
};

export const newVenue = async (h: Harness, committee: string, overrides: Record<string, unknown> = {}) =>
  expectStatus(await h.call(teams.createVenue, { token: committee, body: aVenue(overrides) }), 201);

export const currentRulesVersion = async (h: Harness, token: string): Promise<number> =>
  expectStatus(await h.call(teams.getCurrentDanceRules, { token }), 200).version;

/** A draft by `leader` at `venueId`. */
export const newDraft = async (h: Harness, leader: string, venueId: string, overrides: Record<string, unknown> = {}) =>
  expectStatus(await h.call(teams.createTeamDraft, { token: leader, body: aTeam(venueId, overrides) }), 201);

/** Every member token given accepts the rules in force. */
export const acceptAll = async (h: Harness, teamId: string, tokens: string[]) => {
  const rulesVersion = await currentRulesVersion(h, tokens[0]!);
  for (const token of tokens) expectStatus(await h.call(teams.acceptDanceRules, { token, params: { id: teamId }, body: { rulesVersion } }), 200);
};

/** A submitted team: drafted, its leader (its only member) accepted the rules, submitted. */
export const submittedTeam = async (h: Harness, leader: string, venueId: string, overrides: Record<string, unknown> = {}) => {
  const draft = await newDraft(h, leader, venueId, overrides);
  await acceptAll(h, draft.id, [leader]);
  return expectStatus(await h.call(teams.submitTeam, { token: leader, params: { id: draft.id }, body: { version: draft.version } }), 200);
};

/** An approved team. */
export const approvedTeam = async (h: Harness, leader: string, committee: string, venueId: string, overrides: Record<string, unknown> = {}) => {
  const submitted = await submittedTeam(h, leader, venueId, overrides);
  return expectStatus(
    await h.call(teams.decideTeam, { token: committee, params: { id: submitted.id }, body: { to: 'approved', version: submitted.version } }),
    200,
  );
};

/** A resident joins `teamId` with a fresh invite code from its leader. */
export const join = async (h: Harness, leader: string, teamId: string, member: string) => {
  const invite = expectStatus(await h.call(teams.rotateTeamInvite, { token: leader, params: { id: teamId } }), 201);
  return expectStatus(await h.call(teams.joinTeam, { token: member, body: { code: invite.code, consent: true } }), 200);
};
