/** `npm start`'s dance teams: venues at the community's squares, the rules, registered teams, one waiting, one with a complaint. */
import { api } from '../../shared/api';
import { Harness } from '../support/harness';
import { expectStatus } from './teams-fixtures';

const { teams } = api;
let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.close());

it('has the venues by the compounds, with their hours, and the dance rules in force', async () => {
  const resident = await h.resident('张桂兰');
  const venues = expectStatus(await h.call(teams.listVenues, { token: resident }), 200).items;
  expect(venues.map((v: { name: string }) => v.name)).toEqual(['青年新苑中心广场', '望湖小区文化广场', '紫云小区健身广场']);
  expect(venues[0]).toMatchObject({ capacity: 2, seasonalRules: [expect.objectContaining({ name: '夏季' }), expect.objectContaining({ name: '冬季' })] });
  const rules = expectStatus(await h.call(teams.getCurrentDanceRules, { token: resident }), 200);
  expect(rules).toMatchObject({ version: 1, title: '青年社区广场舞活动规章' });
});

it('has three registered teams and one filing waiting, each of whose members accepted the rules', async () => {
  const committee = await h.staff();
  const counts = expectStatus(await h.call(teams.countTeamsByStatus, { token: committee }), 200).counts;
  expect(counts).toMatchObject({ approved: 3, submitted: 1, draft: 0 });
  const waiting = expectStatus(await h.call(teams.listTeamQueue, { token: committee }), 200).items;
  expect(waiting).toEqual([expect.objectContaining({ name: '紫云彩虹舞队', rules: { currentVersion: 1, accepted: 3, of: 3 } })]);
  const approved = expectStatus(await h.call(teams.listTeamQueue, { token: committee, query: { status: 'approved' } }), 200).items;
  expect(approved.map((t: { registrationNumber: string }) => t.registrationNumber).sort()).toEqual(
    [1, 2, 3].map((n) => expect.stringMatching(new RegExp(`^青年-WD-\\d{4}-00${n}$`))),
  );
  expect(approved.find((t: { name: string }) => t.name === '夕阳红舞蹈队').complaintCount).toBe(1);
});

it('lets a leader and a member see their team with its study session, activities, hours and complaint', async () => {
  const leader = await h.resident('李秀英');
  const [mine] = expectStatus(await h.call(teams.listMyTeams, { token: leader }), 200).items;
  expect(mine).toMatchObject({ name: '朝阳舞蹈队', role: 'leader', status: 'approved', memberCount: 7 });
  const page = expectStatus(await h.call(teams.getTeam, { token: leader, params: { id: mine.id } }), 200);
  expect(page.rules).toMatchObject({ accepted: 7, of: 7 });
  expect(page.studySessions).toHaveLength(1);
  expect(page.activities.map((a: { title: string }) => a.title)).toContain('“民星小舞台 民生大情怀”民生宣传文艺演出');
  expect(page.totals.performance.hours).toBeGreaterThan(0);
  expect(page.totals.volunteer.hours).toBeGreaterThan(0);
  const member = await h.resident('张桂兰');
  expect(expectStatus(await h.call(teams.getTeam, { token: member, params: { id: mine.id } }), 200)).toMatchObject({ viewer: 'member', phone: '139****1234' });

  const other = await h.resident('王建国');
  const [theirs] = expectStatus(await h.call(teams.listMyTeams, { token: other }), 200).items;
  const withComplaint = expectStatus(await h.call(teams.getTeam, { token: other, params: { id: theirs.id } }), 200);
  expect(withComplaint.complaints).toEqual([expect.objectContaining({ title: '广场舞音响太晚' })]);
  const card = expectStatus(await h.call(teams.verifyRegistration, { params: { number: withComplaint.registration.number } }), 200);
  expect(card).toMatchObject({ teamName: '夕阳红舞蹈队', venueName: '青年新苑中心广场', validity: 'valid', memberCount: 5 });
});
