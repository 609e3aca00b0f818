// Roles and what each may do. The server enforces these; the web only uses them to hide
// buttons a user could not use anyway.

export const ROLES = ['admin', 'leader', 'unit_head', 'reporter', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员（领导小组办公室）',
  leader: '区领导（只读）',
  unit_head: '单位负责人',
  reporter: '填报人',
  inspector: '督查人员',
};

/** Roles whose holders see every unit's data; the others see their own unit only. */
export const DISTRICT_WIDE_ROLES: readonly Role[] = ['admin', 'leader', 'inspector'];

export function seesAllUnits(role: Role): boolean {
  return DISTRICT_WIDE_ROLES.includes(role);
}

export function isAdmin(role: Role): boolean {
  return role === 'admin';
}
