/**
 * What every e2e file shares: the H5 build (made once, even when jest runs several files at the same time), a
 * headless Chromium, the local app on a random port, and the checks every page is held to (axe, text size,
 * target size, 320 px width, text that follows the font setting).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { deflateSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { ensureH5Build, H5_DIR, ROOT } from '../../functions/local/app-build';
import { Harness } from '../support/harness';

/**
 * `@sparticuz/chromium` is ESM-only and finds its binary through `import.meta.url`, which jest's CommonJS
 * runtime cannot load: ask a plain Node process for the path and the flags instead.
 */
const sparticuzChromium = (): { executablePath: string; args: string[] } => {
  const script =
    "import c from '@sparticuz/chromium'; process.stdout.write(JSON.stringify({ executablePath: await c.executablePath(), args: c.args }));";
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as { executablePath: string; args: string[] };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds the H5 app when it is stale, one file at a time: jest runs e2e files in parallel workers, and two builds
 * into the same folder at once would break both. A lock folder (mkdir is atomic) makes the others wait; they then
 * find the build fresh and go on.
 */
export const ensureH5BuildOnce = async (): Promise<void> => {
  const lock = join(tmpdir(), `gongzhi-h5-build-${createHash('sha1').update(ROOT).digest('hex').slice(0, 10)}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A lock left behind by a killed run: a build never takes 5 minutes.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* removed meanwhile */
      }
      await sleep(500);
    }
  }
  try {
    ensureH5Build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
};

export interface E2E {
  harness: Harness;
  url: string;
  browser: Browser;
  /**
   * A browser context of its own (its own storage: another person) with one page. `inject` lets the test add
   * scripts (axe-core) despite the app's Content Security Policy.
   */
  newPage: (viewport?: { width: number; height: number }, options?: { inject?: boolean }) => Promise<Page>;
  close: () => Promise<void>;
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

/** The app (API + H5 build) on a random port with its own data folder, and a browser. */
export const startE2E = async (): Promise<E2E> => {
  await ensureH5BuildOnce();
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-e2e-'));
  const harness = await Harness.start({ dataDir, h5Dir: H5_DIR });
  const { executablePath, args } = sparticuzChromium();
  // Its Lambda-minded `--single-process` makes browser contexts share localStorage (so sessions leak between
  // "people"): run Chromium with its usual processes instead.
  const browser = await chromium.launch({ executablePath, args: args.filter((a) => a !== '--single-process'), headless: true });
  const contexts: BrowserContext[] = [];
  return {
    harness,
    url: harness.app.url,
    browser,
    newPage: async (viewport = PHONE, options = {}) => {
      const context = await browser.newContext({ viewport, locale: 'zh-CN', bypassCSP: options.inject === true });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await harness.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

// ── The bar every page is held to ────────────────────────────────────────────────────────────────────────────

export interface PageReport {
  name: string;
  /** axe violations of impact serious or critical: rule id → the nodes' selectors. */
  axe: Array<{ id: string; impact: string; help: string; nodes: string[] }>;
  /** The smallest computed font size of any visible text, and the texts below 18 px. */
  smallestText: number;
  smallText: Array<{ text: string; size: number }>;
  /** The smallest interactive box, and the boxes below 48 × 48 px (main actions: below 60 px high). */
  smallestTarget: number;
  smallTargets: Array<{ what: string; width: number; height: number }>;
  /** How far anything sticks out to the right at 320 px wide, in px (0 = nothing). */
  overflow320: number;
  /** Visible texts that did not grow with `html { font-size: 200% }`. */
  notScaling: Array<{ text: string; before: number; after: number }>;
}

/** Injects axe-core (once per document) and returns the serious and critical violations. */
export const axeViolations = async (page: Page): Promise<PageReport['axe']> => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: require.resolve('axe-core') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: any }).axe;
    // Best practices and the experimental rules too (label-content-name-mismatch is one of them).
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental'] },
      resultTypes: ['violations'],
    });
    return (result.violations as any[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: (v.nodes as any[]).map((n) => String(n.target)) }));
  });
};

/**
 * Every visible text (text nodes and form controls) with its computed font size. The elements are kept on the
 * page (`__gzTexts`) so that `remeasureTexts` reads the same ones again after a style change.
 */
const visibleTextSizes = (page: Page) =>
  page.evaluate(() => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true } as any);
    };
    const found: Array<{ el: Element; text: string }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement;
      if (text && el && visible(el)) found.push({ el, text: text.slice(0, 40) });
    }
    for (const el of Array.from(document.querySelectorAll('input, textarea, select'))) {
      if (visible(el)) found.push({ el, text: `<${el.tagName.toLowerCase()}#${el.id}>` });
    }
    (window as any).__gzTexts = found.map((f) => f.el);
    return found.map((f) => ({ text: f.text, size: parseFloat(getComputedStyle(f.el).fontSize) }));
  });

const remeasureTexts = (page: Page): Promise<number[]> =>
  page.evaluate(() => ((window as any).__gzTexts as Element[]).map((el) => parseFloat(getComputedStyle(el).fontSize)));

/** A page is measured once what it loads has arrived: no visible loading state (a list still loading would be measured half). */
const loadingSettled = (page: Page): Promise<unknown> =>
  page
    .waitForFunction(() => !Array.from(document.querySelectorAll('.gz-state[role=status]')).some((el) => (el as HTMLElement).checkVisibility()), undefined, { timeout: 10_000 })
    .catch(() => undefined);

export const measurePage = async (page: Page, name: string): Promise<PageReport> => {
  await loadingSettled(page);
  const axe = await axeViolations(page);
  const texts = await visibleTextSizes(page);
  const targets = await page.evaluate(() => {
    const sel = 'a[href], button, input:not([type=hidden]), textarea, select, [role=button], [role=link], [tabindex]:not([tabindex="-1"])';
    return Array.from(document.querySelectorAll(sel))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && el.checkVisibility({ visibilityProperty: true } as any);
      })
      .map((el) => {
        const r = el.getBoundingClientRect();
        const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30) || (el as HTMLInputElement).name || el.id;
        return { what: `<${el.tagName.toLowerCase()}> ${label}`, width: r.width, height: r.height, main: el.classList.contains('gz-btn--primary') };
      });
  });
  const smallTargets = targets
    .filter((t) => t.width < 48 || t.height < (t.main ? 60 : 48))
    .map(({ what, width, height }) => ({ what, width: Math.round(width), height: Math.round(height) }));

  // The person's font setting: `html { font-size: 200% }` must make every text larger.
  const style = await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
  const scaled = await remeasureTexts(page);
  await style.evaluate((el) => (el as Element).remove());
  const notScaling = texts
    .map((t, i) => ({ text: t.text, before: t.size, after: scaled[i] ?? 0 }))
    .filter((t) => !(t.after >= t.before * 1.5));

  // 320 px wide: nothing may need a horizontal scroll.
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: viewport.height });
  // Taro's page container clips what sticks out (overflow-x: hidden) instead of scrolling, so look at every
  // element's right edge as well as at the document's width.
  const overflow320 = await page.evaluate(() => {
    const edges = Array.from(document.body.querySelectorAll('*'))
      .filter((el) => el.checkVisibility() && !el.closest('.gz-sr-only'))
      .map((el) => el.getBoundingClientRect().right);
    return Math.max(document.documentElement.scrollWidth, ...edges) - window.innerWidth;
  });
  await page.setViewportSize(viewport);
  // Let the page follow the width back (media-query listeners, React's render) before the test goes on: a wide
  // admin page that still thinks it is narrow opens a detail as its own page instead of beside the list.
  await page.waitForFunction((w) => window.innerWidth === w, viewport.width);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

  const sizes = texts.map((t) => t.size);
  return {
    name,
    axe,
    smallestText: sizes.length ? Math.min(...sizes) : 0,
    smallText: texts.filter((t) => t.size < 18),
    smallestTarget: targets.length ? Math.round(Math.min(...targets.map((t) => Math.min(t.width, t.height)))) : 0,
    smallTargets,
    overflow320: Math.max(0, overflow320),
    notScaling,
  };
};

/** One line per page for the test log: the figures the bar is about. */
export const summarize = (reports: PageReport[]): string =>
  reports
    .map(
      (r) =>
        `${r.name.padEnd(22)} axe serious/critical ${r.axe.length} (${r.axe.map((v) => v.id).join(', ') || '-'}), ` +
        `smallest text ${r.smallestText}px (${r.smallText.length} under 18), smallest target ${r.smallestTarget}px ` +
        `(${r.smallTargets.length} too small), overflow@320 ${r.overflow320}px, not scaling ${r.notScaling.length}`,
    )
    .join('\n');

/** Sums the page's layout shifts (CLS) since the document loaded; install with `trackLayoutShifts` first. */
export const trackLayoutShifts = (page: Page) =>
  page.addInitScript(() => {
    (window as any).__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) (window as any).__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
export const layoutShift = (page: Page): Promise<number> => page.evaluate(() => (window as any).__cls as number);

// ── Files a person picks ──────────────────────────────────────────────────────────────────────────────────────

const crc32 = (buf: Buffer): number => {
  let crc = 0xffffffff;
  for (const byte of buf) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
};

const pngChunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** A real PNG (a colour gradient, `width` × `height`), made here: what `setInputFiles` hands the photo picker. */
export const gradientPng = (width = 64, height = 48): Buffer => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      rows[o] = 200;
      rows[o + 1] = (x * 4) & 255;
      rows[o + 2] = (y * 5) & 255;
    }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(rows)), pngChunk('IEND', Buffer.alloc(0))]);
};

/** Residents and stewards sign in by name on the local build (the dev login), and land on the home page. */
export const signInByName = async (page: Page, url: string, name: string): Promise<void> => {
  await page.goto(url);
  await page.getByLabel('或输入您的姓名').fill(name);
  await page.getByLabel('或输入您的姓名').press('Enter');
  await page.getByRole('heading', { name: `${name}，您好！` }).waitFor();
};

/** Committee staff sign in on the admin login page, and land on the feedback queue. */
export const signInStaff = async (page: Page, url: string, account = 'committee', password = 'Qingnian@2026'): Promise<void> => {
  await page.goto(`${url}/#/packages/admin/login/index`);
  await page.getByLabel('账号').fill(account);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '居民反馈受理' }).waitFor();
};

/** Measures the page as it stands and holds it to the bar: axe, 18 px text, 48 px targets, 320 px, font scaling. */
export const expectTheBar = async (page: Page, name: string): Promise<void> => {
  const report = await measurePage(page, name);
  console.log(summarize([report]));
  expect(report.axe).toEqual([]);
  expect(report.smallText).toEqual([]);
  expect(report.smallTargets).toEqual([]);
  expect(report.overflow320).toBe(0);
  expect(report.notScaling).toEqual([]);
};

/** Answers a confirmation dialog (role `alertdialog`, named by its title) with one of its buttons. */
export const confirmDialog = async (page: Page, title: string, button: string): Promise<void> => {
  const dialog = page.getByRole('alertdialog', { name: title });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
};

/** Whether the photo named so shows: loaded with pixels (waiting for it, up to 15 s, on a busy machine). */
export const photoShows = (page: Page | Locator, name: RegExp | string): Promise<boolean> =>
  page
    .getByRole('img', { name })
    .first()
    .evaluate(
      (el) =>
        new Promise<boolean>((resolve) => {
          const img = el as HTMLImageElement;
          if (img.complete && img.naturalWidth > 0) return resolve(true);
          img.addEventListener('load', () => resolve(img.naturalWidth > 0), { once: true });
          img.addEventListener('error', () => resolve(false), { once: true });
          setTimeout(() => resolve(img.complete && img.naturalWidth > 0), 15_000);
        }),
    );
