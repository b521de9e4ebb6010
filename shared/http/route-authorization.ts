import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { forbidden } from '../domain/errors';
import { STAFF_ROUTE_ROLES } from './access-matrix';
import { staffFromClaims } from './staff-identity';

/**
 * Function-level authorization for every route, from the access matrix: a staff route refuses a
 * role it does not admit (403) before any handler logic runs. Routes without an API Gateway
 * authorizer (citizen routes) pass; the one that verifies tokens itself checks the same matrix.
 */
export function authorizeRoute(): MiddlewareObj<APIGatewayProxyEventV2WithJWTAuthorizer> {
  return {
    before: async ({ event }) => {
      const claims = event.requestContext?.authorizer?.jwt?.claims;
      if (!claims) return;
      const allowed = STAFF_ROUTE_ROLES[event.routeKey];
      if (!allowed) return;
      const staff = staffFromClaims(claims);
      if (!staff.roles.some((role) => allowed.includes(role))) throw forbidden('您的角色无权访问此功能');
    },
  };
}
