/** `npm start`'s council: the seed's 七彩阳光妇女小组议事会, its parties and members, a decided motion and one voting. */
import { api } from '../../shared/api';
import { Harness } from '../support/harness';
import { expectStatus } from './council-fixtures';

const { council } = api;
let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
}, 60_000);
afterAll(() => h.close());

const demoCouncil = async (token: string) => {
  const list = expectStatus(await h.call(council.listCouncils, { token }), 200);
  return list.items.find((c: { name: string }) => c.name === '七彩阳光妇女小组议事会');
};

it('sits representatives of the two committees, red stewards, the women’s federation, dance teams and residents', async () => {
  const resident = await h.resident('王建国');
  const summary = await demoCouncil(resident);
  expect(summary).toMatchObject({ memberCount: 9, mySeat: { party: '居民代表', role: 'member' } });
  const page = expectStatus(await h.call(council.getCouncil, { token: resident, params: { id: summary.id } }), 200);
  expect(page.parties.map((p: { name: string; seated: number }) => `${p.name} ${p.seated}`)).toEqual(['两委 1', '红色小管家 2', '妇联 2', '舞队 2', '居民代表 2']);
  expect(page.members.find((m: { role: string }) => m.role === 'chair')).toMatchObject({ name: '刘玉兰', party: '红色小管家' });
  // 陈静 of the two committees votes in person
  expect(page.members.find((m: { name: string }) => m.name === '陈静')).toMatchObject({ party: '两委', hasAccount: false });
});

it('has decided the square’s evening music hours (made from the noise complaint), which every resident reads', async () => {
  const resident = await h.resident('张桂兰');
  const { id } = await demoCouncil(resident);
  const decisions = expectStatus(await h.call(council.listCouncilDecisions, { token: await h.resident('某位居民'), params: { id } }), 200);
  expect(decisions.items).toHaveLength(1);
  const [music] = decisions.items;
  expect(music).toMatchObject({ title: '中心广场晚间音乐时段', secret: false, outcome: { result: 'passed', counts: { rollSize: 9, cast: 9, abstain: 1 } } });
  expect(music.outcome.counts.options).toEqual([
    { id: 'yes', label: '同意', votes: 7 },
    { id: 'no', label: '反对', votes: 1 },
  ]);
  const motion = expectStatus(await h.call(council.getMotion, { token: await h.resident('某位居民'), params: { id: music.id } }), 200);
  expect(motion.votes.find((v: { name: string }) => v.name === '陈静')).toMatchObject({ via: 'in-person', choiceLabel: '同意' });
  expect(motion.commentCount).toBe(4);
  // and the complaint's reporter follows it from their feedback
  const steward = await h.resident('刘玉兰');
  const mine = expectStatus(await h.call(api.feedback.listMyFeedback, { token: steward }), 200);
  const noise = mine.items.find((f: { category: string }) => f.category === 'noise');
  expect(expectStatus(await h.call(council.getFeedbackMotion, { token: steward, params: { id: noise.id } }), 200).motion).toMatchObject({ id: music.id, result: 'passed' });
});

it('has a secret ballot open for voting, and a motion in discussion', async () => {
  const chair = await h.resident('刘玉兰');
  const { id } = await demoCouncil(chair);
  const motions = expectStatus(await h.call(council.listCouncilMotions, { token: chair, params: { id } }), 200);
  expect(motions.items.map((m: { title: string; phase: string }) => `${m.title}:${m.phase}`)).toEqual(['楼道堆物清理倡议:discussion', '芙蓉小区电动车充电桩选址:voting', '中心广场晚间音乐时段:decided']);
  const open = motions.items[1];
  expect(open.myBallot).toEqual({ voted: false });
  // the committee holds no seat here: the list does not tell staff they have a ballot to cast
  const staffList = expectStatus(await h.call(council.listCouncilMotions, { token: await h.staff(), params: { id } }), 200);
  expect(staffList.items.map((m: { myBallot?: unknown }) => m.myBallot)).toEqual([undefined, undefined, undefined]);
  const seen = expectStatus(await h.call(council.getMotion, { token: chair, params: { id: open.id } }), 200);
  expect(seen).toMatchObject({ viewer: 'chair', settings: { secret: true, optionKind: 'choice' }, roll: { size: 9, voted: 3 }, can: { vote: true, recordInPerson: true, closeEarly: false } });
  expect(seen.tally).toBeUndefined();
  expect(expectStatus(await h.call(council.castBallot, { token: chair, params: { id: open.id }, body: { choice: 'o2' } }), 201)).toMatchObject({ via: 'online', changed: false });
});
