/** Staff roles are Cognito groups; `citizen` is whoever holds a case's query code. */
export const STAFF_ROLES = ['operator', 'dispatcher', 'department', 'reviewer', 'leader', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = StaffRole | 'citizen' | 'system';

/**
 * The staff roles a user's groups name, exactly: a group called "dispatcher leader" is no role at
 * all, never two. The Cognito trigger keeps only these groups in the token, so API Gateway's
 * space-separated flattening of the groups claim ("[dispatcher leader]") cannot be misread.
 */
export function rolesOfGroups(groups: readonly string[]): StaffRole[] {
  return STAFF_ROLES.filter((role) => groups.includes(role));
}

export const ROLE_LABELS: Record<Role, string> = {
  operator: '12345接线员',
  dispatcher: '派单员',
  department: '承办单位',
  reviewer: '审核人',
  leader: '领导',
  admin: '管理员',
  citizen: '群众',
  system: '系统',
};

/** Who performs an action: a staff member (from the JWT), the citizen, or the workflow itself. */
export type Actor =
  | { kind: 'staff'; username: string; roles: readonly StaffRole[]; departmentId?: string }
  | { kind: 'citizen' }
  | { kind: 'system' };

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

export function actorName(actor: Actor): string {
  if (actor.kind === 'staff') return actor.username;
  return actor.kind;
}
