/** The committee keeps the list of compounds (小区) the report form offers. */
import { api } from '../../shared/api';
import { Harness, isProblem } from '../support/harness';

const { identity } = api;
let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h.close());

it('residents read the demo community’s list; the committee replaces it with the version it read', async () => {
  const resident = await h.resident('小区居民');
  const committee = await h.staff();
  const list = (await h.call(identity.listCompounds, { token: resident })).body;
  expect(list.names).toContain('青年新苑');
  const updated = await h.call(identity.updateCompounds, { token: committee, body: { names: [...list.names, '新建小区'], version: list.version } });
  expect(updated.body).toEqual({ names: [...list.names, '新建小区'], version: list.version + 1 });
  expect((await h.call(identity.listCompounds, { token: resident })).body.names.at(-1)).toBe('新建小区');
});

it('refuses a stale version (409), duplicates, an empty list or 101 names (400), changing nothing', async () => {
  const committee = await h.staff();
  const { version, names } = (await h.call(identity.listCompounds, { token: committee })).body;
  const before = await h.snapshot();
  const stale = await h.call(identity.updateCompounds, { token: committee, body: { names, version: version - 1 } });
  expect(isProblem(stale, 409)).toBe(true);
  for (const bad of [['甲', '甲'], [], Array.from({ length: 101 }, (_, i) => `小区${i}`), ['\u200b']])
    expect(isProblem(await h.call(identity.updateCompounds, { token: committee, body: { names: bad, version } }), 400)).toBe(true);
  expect(await h.snapshot()).toEqual(before);
  expect((await h.call(identity.updateCompounds, { token: committee, body: { names: Array.from({ length: 100 }, (_, i) => `小区${i}`), version } })).status).toBe(200);
});

it('a resident may not change it (403)', async () => {
  const resident = await h.resident('小区居民');
  expect(isProblem(await h.call(identity.updateCompounds, { token: resident, body: { names: ['x'], version: 1 } }), 403)).toBe(true);
});
