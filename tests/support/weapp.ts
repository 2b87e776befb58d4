import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What WeChat reads from a built mini-program's app.json. */
export interface AppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
}

export const readAppJson = (dir: string): AppJson => JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as AppJson;

const bytesUnder = (dir: string, skip: (path: string) => boolean): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((total, e) => {
    const p = join(dir, e.name);
    if (skip(p)) return total;
    return total + (e.isDirectory() ? bytesUnder(p, skip) : statSync(p).size);
  }, 0);

/** The main package: everything but the subpackage roots, which WeChat downloads only when a page in them opens. */
export const mainPackageBytes = (dir: string): number => {
  const roots = (readAppJson(dir).subPackages ?? []).map((s) => join(dir, s.root.replace(/\/$/, '')));
  return bytesUnder(dir, (p) => roots.includes(p));
};
