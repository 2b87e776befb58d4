import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const H5_DIR = join(ROOT, 'miniprogram/dist/h5');

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

/** True when the H5 build is missing or older than the sources it is built from. */
export const h5BuildIsStale = (): boolean => {
  const index = join(H5_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const sources = ['miniprogram/src', 'miniprogram/config', 'shared'].map((d) => join(ROOT, d));
  return newestMtime(sources) > statSync(index).mtimeMs;
};

/** Builds the H5 app when it is missing or stale (about 20–30 s); otherwise does nothing. */
export const ensureH5Build = (log: (line: string) => void = console.log): void => {
  if (!h5BuildIsStale()) return;
  log('Building the H5 app (miniprogram/dist/h5)…');
  // Always a production build: under jest NODE_ENV is "test", and a dev build expects React Refresh's runtime.
  const out = spawnSync('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (out.status !== 0) throw new Error(`H5 build failed (exit ${out.status})`);
};
