import type { StaffRole } from '../../shared/domain/roles';
import type { Department } from '../../shared/ports/department-directory';

/** Departments and staff of the demo city; only the local runtime knows them. */
export const DEMO_DEPARTMENTS: readonly Department[] = [
  { departmentId: 'dept-housing', name: '住房和城乡建设局' },
  { departmentId: 'dept-transport', name: '交通运输局' },
  { departmentId: 'dept-water', name: '水利局' },
  { departmentId: 'dept-market', name: '市场监督管理局' },
];

export interface DemoUser {
  readonly username: string;
  readonly roles: readonly StaffRole[];
  readonly departmentId?: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'operator1', roles: ['operator'] },
  { username: 'dispatcher1', roles: ['dispatcher'] },
  { username: 'reviewer1', roles: ['reviewer'] },
  { username: 'leader1', roles: ['leader'] },
  { username: 'admin1', roles: ['admin'] },
  { username: 'housing1', roles: ['department'], departmentId: 'dept-housing' },
  { username: 'transport1', roles: ['department'], departmentId: 'dept-transport' },
  { username: 'water1', roles: ['department'], departmentId: 'dept-water' },
  { username: 'market1', roles: ['department'], departmentId: 'dept-market' },
];
