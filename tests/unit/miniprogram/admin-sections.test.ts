/** The workspace's sections by role (miniprogram/src/components/admin/section.ts, packages/admin/sections.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { maySee, sectionsFor } from '../../../miniprogram/src/components/admin/section';
import { ADMIN_SECTIONS } from '../../../miniprogram/src/packages/admin/sections';

it('shows the audit trail to admins only, and every capability and the compounds to all staff', () => {
  expect(sectionsFor(ADMIN_SECTIONS, ['committee']).map((s) => s.key)).toEqual(['feedback', 'stats', 'teams', 'council', 'stewards', 'scoring', 'studio', 'compounds']);
  expect(sectionsFor(ADMIN_SECTIONS, ['admin']).map((s) => s.key)).toEqual(['feedback', 'stats', 'teams', 'council', 'stewards', 'scoring', 'studio', 'compounds', 'audit']);
  expect(maySee(ADMIN_SECTIONS, 'audit', ['committee'])).toBe(false);
  expect(maySee(ADMIN_SECTIONS, 'audit', ['admin'])).toBe(true);
  expect(maySee(ADMIN_SECTIONS, 'nothing', ['admin'])).toBe(false);
});

it('every entry is a page of the admin subpackage, listed in the app', () => {
  const appConfig = readFileSync(join(__dirname, '../../../miniprogram/src/app.config.ts'), 'utf8');
  const adminPages = /root: 'packages\/admin',\s*pages: \[([^\]]*)\]/.exec(appConfig)![1]!;
  for (const s of ADMIN_SECTIONS) {
    expect(s.entry).toMatch(/^\/packages\/admin\/[a-z-]+\/index$/);
    expect(adminPages).toContain(`'${s.entry.replace('/packages/admin/', '')}'`);
  }
});
