import type { StaffAccount } from '../../shared/domain/staff-account';
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

/** The demo city's staff, added to the staff directory at start-up where missing. */
export const DEMO_USERS: readonly StaffAccount[] = [
  { username: 'operator1', displayName: '李娜', roles: ['operator'], enabled: true },
  { username: 'dispatcher1', displayName: '王强', roles: ['dispatcher'], enabled: true },
  { username: 'reviewer1', displayName: '赵敏', roles: ['reviewer'], enabled: true },
  { username: 'leader1', displayName: '陈建国', roles: ['leader'], enabled: true },
  { username: 'admin1', displayName: '刘洋', roles: ['admin'], enabled: true },
  {
    username: 'housing1',
    displayName: '张伟',
    roles: ['department'],
    departmentId: 'dept-housing',
    enabled: true,
  },
  {
    username: 'transport1',
    displayName: '周杰',
    roles: ['department'],
    departmentId: 'dept-transport',
    enabled: true,
  },
  {
    username: 'water1',
    displayName: '吴芳',
    roles: ['department'],
    departmentId: 'dept-water',
    enabled: true,
  },
  {
    username: 'market1',
    displayName: '郑丽',
    roles: ['department'],
    departmentId: 'dept-market',
    enabled: true,
  },
];
