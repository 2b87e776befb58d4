/** Who a signed-in person is in the community. More roles arrive with their capabilities. */
export const ROLES = ['resident', 'steward', 'committee', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  steward: '红色小管家',
  committee: '社区两委',
  admin: '系统管理员',
};

/** Staff: the people who work the admin page. */
export const STAFF_ROLES = ['committee', 'admin'] as const satisfies readonly Role[];

export const isStaff = (roles: readonly Role[]): boolean =>
  roles.some((r) => (STAFF_ROLES as readonly Role[]).includes(r));
