/**
 * The Old Secretary Studio (老书记工作室): old secretaries put on the list with their health and strengths, invited,
 * joined (or declined), and the mentoring sessions they lead for young cadres, counted per member. Residents see the
 * members and what they did, never the health notes the list was drawn up by.
 */
import { randomUUID } from 'node:crypto';
import { api } from '../../shared/api';
import { Harness, isProblem } from '../support/harness';
import { chinaDate } from '../../functions/src/feedback/china-time';
import { expectStatus, userIdOf } from './scoring-fixtures';

const { scoring } = api;

let h: Harness;
let committee: string;
let resident: string;
beforeAll(async () => {
  h = await Harness.start();
  [committee, resident] = await Promise.all([h.staff(), h.resident('张桂兰')]);
}, 60_000);
afterAll(() => h.close());

const list = (token: string, status?: string) => h.call(scoring.listStudioMembers, { token, ...(status ? { query: { status } } : {}) });
const move = (id: string, to: string, version: number, note?: string) =>
  h.call(scoring.moveStudioMember, { token: committee, params: { id }, body: { to, version, ...(note ? { note } : {}) } });

/** An old secretary on the list, invited and joined. */
const aMember = async (name: string, extra: Record<string, unknown> = {}) => {
  const listed = expectStatus(await h.call(scoring.addStudioMember, { token: committee, body: { name, strengths: '调解邻里纠纷、政策宣讲', health: '身体硬朗', formerPost: '原望湖小区党支部书记', ...extra } }), 201);
  const invited = expectStatus(await move(listed.id, 'invited', listed.version), 200);
  return expectStatus(await move(invited.id, 'member', invited.version, '愿意每月来工作室两次'), 200);
};

describe('the studio’s list', () => {
  it('takes an old secretary with health and strengths, then invites them and records that they joined', async () => {
    const member = await aMember('周德福', { userId: userIdOf(resident) });
    expect(member).toMatchObject({ name: '周德福', status: 'member', health: '身体硬朗', userId: userIdOf(resident), counts: { 'party-lesson': 0, symposium: 0, attendees: 0 } });
    expect(member.history.map((e: any) => `${e.from}→${e.to}`)).toEqual(['null→listed', 'listed→invited', 'invited→member']);
    expect(member.history[2]).toMatchObject({ note: '愿意每月来工作室两次', byName: '社区工作人员 陈静' });
  });

  it('moves only along its table, on the version read', async () => {
    const listed = expectStatus(await h.call(scoring.addStudioMember, { token: committee, body: { name: '钱德胜', strengths: '熟悉党务' } }), 201);
    expect((await move(listed.id, 'member', listed.version)).body.type).toBe('urn:gongzhi:problem:transition-not-allowed');
    expect((await move(listed.id, 'invited', listed.version + 1)).body.type).toBe('urn:gongzhi:problem:stale-version');
    const invited = expectStatus(await move(listed.id, 'invited', listed.version), 200);
    const declined = expectStatus(await move(invited.id, 'declined', invited.version, '需照顾老伴'), 200);
    expect(declined.status).toBe('declined');
    expect(isProblem(await move(randomUUID(), 'invited', 1), 404)).toBe(true);
  });

  it('updates details with the version read, and refuses an account not in the community', async () => {
    const listed = expectStatus(await h.call(scoring.addStudioMember, { token: committee, body: { name: '孙永福', strengths: '文艺宣传' } }), 201);
    const updated = expectStatus(
      await h.call(scoring.updateStudioMember, { token: committee, params: { id: listed.id }, body: { name: '孙永福', strengths: '文艺宣传、书法', health: '腿脚不便，不宜入户', version: listed.version } }),
      200,
    );
    expect(updated).toMatchObject({ strengths: '文艺宣传、书法', health: '腿脚不便，不宜入户', version: 2 });
    const nobody = await h.call(scoring.addStudioMember, { token: committee, body: { name: '某人', strengths: '党务', userId: 'no-such-user' } });
    expect(nobody.body.type).toBe('urn:gongzhi:problem:unknown-person');
  });

  it('shows residents the members only, without health notes or accounts; staff the whole list', async () => {
    await aMember('吴秀英');
    const seen = expectStatus(await list(resident), 200).items;
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((m: any) => m.status === 'member' && m.health === undefined && m.userId === undefined)).toBe(true);
    const invitedOnly = expectStatus(await list(committee, 'declined'), 200).items;
    expect(invitedOnly.every((m: any) => m.status === 'declined')).toBe(true);
  });
});

describe('mentoring sessions', () => {
  it('records themed Party lessons and symposiums led by members, and counts them per member', async () => {
    const a = await aMember('郑国华');
    const b = await aMember('冯桂珍');
    const lesson = expectStatus(
      await h.call(scoring.recordMentoringSession, {
        token: committee,
        body: { kind: 'party-lesson', topic: '如何做好走访入户', date: chinaDate(new Date(Date.now() - 2 * 86_400_000)), mentorIds: [a.id, b.id], attendeeCount: 18, attendees: ['小李', '小王'] },
      }),
      201,
    );
    expect(lesson.mentors).toEqual([{ id: a.id, name: '郑国华' }, { id: b.id, name: '冯桂珍' }]);
    expectStatus(await h.call(scoring.recordMentoringSession, { token: committee, body: { kind: 'symposium', topic: '矛盾调解经验交流', date: chinaDate(new Date()), mentorIds: [a.id], attendeeCount: 9 } }), 201);
    const members = expectStatus(await list(resident), 200).items;
    expect(members.find((m: any) => m.id === a.id).counts).toEqual({ 'party-lesson': 1, symposium: 1, attendees: 27 });
    expect(members.find((m: any) => m.id === b.id).counts).toEqual({ 'party-lesson': 1, symposium: 0, attendees: 18 });
    const sessions = expectStatus(await h.call(scoring.listMentoringSessions, { token: resident }), 200);
    expect(sessions.items.slice(0, 2).map((s: any) => s.topic)).toEqual(['矛盾调解经验交流', '如何做好走访入户']);
    expect(sessions.items.every((s: any) => s.attendees === undefined)).toBe(true);
  });

  it('refuses a mentor who is not a member, and a session yet to come (422), writing nothing', async () => {
    const listed = expectStatus(await h.call(scoring.addStudioMember, { token: committee, body: { name: '未加入者', strengths: '党务' } }), 201);
    const before = await h.snapshot();
    const stranger = await h.call(scoring.recordMentoringSession, { token: committee, body: { kind: 'symposium', topic: '座谈', date: '2026-05-10', mentorIds: [listed.id], attendeeCount: 5 } });
    expect(stranger.body).toMatchObject({ type: 'urn:gongzhi:problem:not-studio-member', errors: [{ path: 'mentorIds.0' }] });
    const member = await aMember('陶德明');
    const after = await h.snapshot();
    const future = await h.call(scoring.recordMentoringSession, { token: committee, body: { kind: 'symposium', topic: '座谈', date: '2099-05-10', mentorIds: [member.id], attendeeCount: 5 } });
    expect(future.body.type).toBe('urn:gongzhi:problem:date-in-future');
    expect(await h.snapshot()).toEqual(after);
    expect(before).not.toEqual(after);
  });
});
