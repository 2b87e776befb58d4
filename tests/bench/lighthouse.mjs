/**
 * Lighthouse (mobile emulation) on each page of the running app, signed in as the page's user: the figures in
 * the README's accessibility section. Not part of `npm test`, and Lighthouse is not a dependency (it is large
 * and used by hand): with `npm start` running,
 *   npm i --no-save lighthouse@12 && node tests/bench/lighthouse.mjs http://localhost:3000/
 * The browser is the tests' own Chromium (@sparticuz/chromium) unless CHROME_PATH names another.
 */
import chromium from '@sparticuz/chromium';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const base = process.argv[2] ?? 'http://localhost:3000/';
const executablePath = process.env.CHROME_PATH ?? (await chromium.executablePath());
const browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const port = Number(new URL(browser.wsEndpoint()).port);

const api = async (path, body) =>
  (await fetch(new URL(path, base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
const resident = await api('/v1/auth/wechat', { code: 'dev:王建国' });
const steward = await api('/v1/auth/wechat', { code: 'dev:刘玉兰' });
const staff = await api('/v1/auth/staff', { username: 'committee', password: 'Qingnian@2026' });
const mine = await (await fetch(new URL('/v1/feedback/mine?limit=1', base), { headers: { authorization: `Bearer ${resident.token}` } })).json();
const queue = await (await fetch(new URL('/v1/admin/feedback?status=closed&limit=1', base), { headers: { authorization: `Bearer ${staff.token}` } })).json();

const stored = (s) => JSON.stringify({ data: { token: s.token, user: s.user, expiresAt: Date.now() + s.expiresIn * 1000 } });
const pages = [
  ['resident login', '#/pages/login/index', null],
  ['home', '#/pages/home/index', ['resident', resident]],
  ['report', '#/pages/feedback/new/index', ['resident', resident]],
  ['my feedback', '#/pages/feedback/mine/index', ['resident', resident]],
  ['feedback detail', `#/pages/feedback/detail/index?id=${mine.items?.[0]?.id}`, ['resident', resident]],
  ['assigned to me', '#/packages/steward/assigned/index', ['resident', steward]],
  ['staff login', '#/packages/admin/login/index', null],
  ['staff queue', '#/packages/admin/queue/index', ['staff', staff]],
  ['staff detail', `#/packages/admin/detail/index?id=${queue.items?.[0]?.id}`, ['staff', staff]],
  ['statistics', '#/packages/admin/stats/index', ['staff', staff]],
  ['compounds', '#/packages/admin/compounds/index', ['staff', staff]],
];
const rows = [];
for (const [name, hash, who] of pages) {
  const page = await browser.newPage();
  await page.goto(base);
  await page.evaluate(() => localStorage.clear());
  if (who) await page.evaluate((k, v) => localStorage.setItem(k, v), `gongzhi.session.${who[0]}`, stored(who[1]));
  await page.close();
  const { lhr } = await lighthouse(new URL(hash, base).href, {
    port,
    output: 'json',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
    disableStorageReset: true,
    logLevel: 'error',
  });
  const score = (k) => Math.round(lhr.categories[k].score * 100);
  rows.push({
    page: name,
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    LCP: lhr.audits['largest-contentful-paint'].displayValue,
    CLS: lhr.audits['cumulative-layout-shift'].displayValue,
    TBT: lhr.audits['total-blocking-time'].displayValue,
  });
}
console.table(rows);
await browser.close();
