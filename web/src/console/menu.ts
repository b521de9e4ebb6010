import type { StaffRole } from '../../../shared/domain/roles';
import { ROUTES, routeKey } from '../../../shared/functions/route-table';

/**
 * The console's menu: each page is offered to the roles the route table admits for the API route
 * the page stands on — the same table the API authorizes by, so a page never offers a 403.
 */
const PAGES = [
  { path: '/calls', label: '来电登记', api: 'POST /v1/tickets' },
  { path: '/cases', label: '案件', api: 'GET /v1/cases' },
  { path: '/stats', label: '统计', api: 'GET /v1/stats' },
  { path: '/audit', label: '审计', api: 'GET /v1/audit' },
] as const;

export function menuFor(roles: readonly string[]) {
  return PAGES.filter((page) => {
    const allowed: readonly StaffRole[] = ROUTES.find((route) => routeKey(route) === page.api)?.roles ?? [];
    return allowed.some((role) => roles.includes(role));
  });
}
