/**
 * The WeChat build (`npm run build:weapp`) is what residents download: it must build, keep the committee's
 * pages out of the main package, and stay far below WeChat's 2 MB limit for a main package.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { APP_BUILDS, ensureAppBuild } from '../../functions/local/app-build';
import { mainPackageBytes, readAppJson } from '../support/weapp';

const dir = APP_BUILDS.weapp.dir;
const WECHAT_MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024;

/** The main package's shared scripts (Taro puts code used by several pages there). */
const readCommonJs = (root: string): string =>
  readdirSync(root)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(root, f), 'utf8'))
    .join('\n');

beforeAll(() => ensureAppBuild('weapp'), 240_000);

describe('the WeChat mini-program build', () => {
  it('opens on the home page and has the resident pages in its main package', () => {
    const app = readAppJson(dir);
    expect(app.pages[0]).toBe('pages/home/index');
    expect(app.pages).toEqual(
      expect.arrayContaining(['pages/login/index', 'pages/feedback/new/index', 'pages/feedback/mine/index', 'pages/feedback/detail/index']),
    );
    for (const page of app.pages) expect(existsSync(join(dir, `${page}.js`))).toBe(true);
  });

  it("keeps the committee's pages in the admin subpackage", () => {
    const app = readAppJson(dir);
    const admin = app.subPackages?.find((s) => s.root.replace(/\/$/, '') === 'packages/admin');
    expect(admin?.pages).toEqual(expect.arrayContaining(['login/index', 'queue/index', 'detail/index', 'audit/index']));
    expect(app.pages.some((p) => p.includes('admin'))).toBe(false);
  });

  it("keeps the red stewards' queue in its own subpackage", () => {
    const app = readAppJson(dir);
    const steward = app.subPackages?.find((s) => s.root.replace(/\/$/, '') === 'packages/steward');
    expect(steward?.pages).toEqual(expect.arrayContaining(['assigned/index', 'detail/index']));
    for (const page of steward?.pages ?? []) expect(existsSync(join(dir, 'packages/steward', `${page}.js`))).toBe(true);
    expect(app.pages.some((p) => p.includes('steward'))).toBe(false);
  });

  it('asks for WeChat privacy authorisation before picking photos, with the agree button WeChat checks', () => {
    const report = readFileSync(join(dir, 'pages/feedback/new/index.js'), 'utf8') + readCommonJs(dir);
    expect(report).toMatch(/requirePrivacyAuthorize/);
    expect(report).toMatch(/onNeedPrivacyAuthorization/);
    expect(report).toMatch(/agreePrivacyAuthorization/);
    expect(report).toMatch(/chooseMedia/);
  });

  it('keeps the main package well under WeChat’s 2 MB limit', () => {
    const bytes = mainPackageBytes(dir);
    console.log(`weapp main package: ${bytes} bytes`);
    expect(bytes).toBeLessThan(WECHAT_MAIN_PACKAGE_LIMIT / 2);
  });
});
