import type { StaffRole } from '../../shared/domain/roles';
import type { Department } from '../../shared/ports/department-directory';

/** Departments and staff of the demo city; only the local runtime knows them. */
export const DEMO_DEPARTMENTS: readonly Department[] = [
  {
    departmentId: 'dept-housing',
    name: '住房和城乡建设局',
    description: '建筑施工、物业管理、房屋安全、住房保障',
    acceptsConsultations: true,
    active: true,
  },
  {
    departmentId: 'dept-transport',
    name: '交通运输局',
    description: '公交线路、出租车与网约车、道路养护',
    acceptsConsultations: true,
    active: true,
  },
  {
    departmentId: 'dept-water',
    name: '水利局',
    description: '供水、排水、防汛与河道管理',
    acceptsConsultations: true,
    active: true,
  },
  {
    departmentId: 'dept-market',
    name: '市场监督管理局',
    description: '食品安全、价格投诉、消费维权、营业执照',
    acceptsConsultations: true,
    active: true,
  },
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
