import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

/** The two builds of the mini-program, and the file whose age stands for each build. */
export const APP_BUILDS = {
  h5: { dir: join(ROOT, 'miniprogram/dist/h5'), marker: 'index.html' },
  weapp: { dir: join(ROOT, 'miniprogram/dist/weapp'), marker: 'app.json' },
} as const;
export type AppTarget = keyof typeof APP_BUILDS;

export const H5_DIR = APP_BUILDS.h5.dir;

/** The newest modification time of any file under these folders. */
const newestMtime = (dirs: string[]): number => {
  let newest = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  dirs.forEach(walk);
  return newest;
};

/** True when a build is missing or older than the sources it is built from. */
export const buildIsStale = (target: AppTarget): boolean => {
  const marker = join(APP_BUILDS[target].dir, APP_BUILDS[target].marker);
  if (!existsSync(marker)) return true;
  const sources = ['miniprogram/src', 'miniprogram/config', 'shared'].map((d) => join(ROOT, d));
  return newestMtime(sources) > statSync(marker).mtimeMs;
};

/** Builds the app for `target` when it is missing or stale (20–40 s); otherwise does nothing. */
export const ensureAppBuild = (target: AppTarget, log: (line: string) => void = console.log): void => {
  if (!buildIsStale(target)) return;
  log(`Building the ${target} app (${APP_BUILDS[target].dir.slice(ROOT.length + 1)})…`);
  // Always a production build: under jest NODE_ENV is "test", and a dev build expects React Refresh's runtime.
  const out = spawnSync('npm', ['run', `build:${target}`], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (out.status !== 0) throw new Error(`${target} build failed (exit ${out.status})`);
};

export const ensureH5Build = (log?: (line: string) => void): void => ensureAppBuild('h5', log);
