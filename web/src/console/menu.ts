import { ACTION_RULES } from '../../../shared/domain/lifecycle/action-table';
import type { Role } from '../../../shared/domain/roles';
import { ROUTES, routeKey } from '../../../shared/functions/route-table';
import { WORK_QUEUES } from './queues';

/**
 * The console's menu. A work queue is offered to the roles the lifecycle lets take its action; any
 * other page to the roles the route table admits for the API route it stands on — the same tables
 * the API authorizes by, so a page never offers a 403. A role starts from the first page it has.
 */
const PAGES = [
  { path: '/calls', label: '来电登记', api: 'POST /v1/tickets' },
  ...WORK_QUEUES.map(({ path, label, action }) => ({ path, label, action })),
  { path: '/stats', label: '统计', api: 'GET /v1/stats' },
  { path: '/cases', label: '案件查询', api: 'GET /v1/cases' },
  { path: '/audit', label: '审计', api: 'GET /v1/audit' },
] as const;

function allowedRoles(page: (typeof PAGES)[number]): readonly Role[] {
  if ('action' in page) return ACTION_RULES[page.action].roles;
  return ROUTES.find((route) => routeKey(route) === page.api)?.roles ?? [];
}

export function menuFor(roles: readonly string[]) {
  return PAGES.filter((page) => allowedRoles(page).some((role) => roles.includes(role)));
}
