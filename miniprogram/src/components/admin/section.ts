import type { Role } from '../../../../shared/roles';

/**
 * One capability of the committee's workspace (反馈, 操作记录, later 舞队, 议事会, 星级评定): a line in the
 * registry (packages/admin/sections.ts) and its own pages. The shell (AdminShell) is built once.
 */
export interface AdminSection {
  key: string;
  /** The navigation label: short (2–4 characters). */
  label: string;
  /** An optional glyph shown before the label. */
  icon?: string;
  /** The page the navigation opens, e.g. '/packages/admin/queue/index'. */
  entry: string;
  /** Only these roles see it (the audit trail: admins); everyone on the staff when absent. */
  roles?: readonly Role[];
}

/** The sections a signed-in staff member may open, in the registry's order. */
export const sectionsFor = (sections: readonly AdminSection[], roles: readonly Role[]): AdminSection[] =>
  sections.filter((s) => !s.roles || s.roles.some((r) => roles.includes(r)));

/** Whether these roles may open the section `key` (a page checks before it loads anything). */
export const maySee = (sections: readonly AdminSection[], key: string, roles: readonly Role[]): boolean =>
  sectionsFor(sections, roles).some((s) => s.key === key);
