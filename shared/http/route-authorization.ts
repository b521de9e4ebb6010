import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { forbidden } from '../domain/errors';
import type { StaffRole } from '../domain/roles';
import { routeOf } from '../functions/route-table';
import { type StaffActor, staffFromClaims } from './staff-identity';

/**
 * Function-level authorization for every route, from the route table (OWASP API5): a request that
 * API Gateway's JWT authorizer let through must name a route of the table that admits staff and
 * one of its roles; anything else — a route the table does not have, or a public route reached with
 * staff claims — is refused (403) before any logic runs. Routes without an authorizer (citizen
 * routes) carry no claims and pass; the route that verifies tokens itself calls `assertRouteRole`.
 */
export function authorizeRoute(): MiddlewareObj<APIGatewayProxyEventV2WithJWTAuthorizer> {
  return {
    before: async ({ event }) => {
      const claims = event.requestContext?.authorizer?.jwt?.claims;
      if (!claims) return;
      assertRouteRole(event.routeKey, staffFromClaims(claims));
    },
  };
}

/** The roles a route admits; none for a key the table does not have or a public route. */
export function rolesOfRoute(key: string): readonly StaffRole[] {
  return routeOf(key)?.roles ?? [];
}

export function assertRouteRole(key: string, staff: Pick<StaffActor, 'roles'>): void {
  const allowed = rolesOfRoute(key);
  if (!staff.roles.some((role) => allowed.includes(role))) throw forbidden('您的角色无权访问此功能');
}
