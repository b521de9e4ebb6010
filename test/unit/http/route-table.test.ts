import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  ROUTES,
  type RouteDefinition,
  routeKey,
  routeTableProblems,
} from '../../../shared/functions/route-table';
import { authorizeRoute } from '../../../shared/http/route-authorization';

const staffRoute = (roles?: string[]) =>
  ({
    method: 'GET',
    path: '/v1/secret',
    functionName: 'get-secret',
    access: 'staff',
    roles,
    tables: [],
  }) as unknown as RouteDefinition;

/** What the authorizer middleware does with an event API Gateway's JWT authorizer let through. */
async function authorize(key: string, groups: string): Promise<'passed' | number> {
  const event = {
    routeKey: key,
    requestContext: {
      authorizer: { jwt: { claims: { username: 'u1', 'cognito:groups': groups }, scopes: [] } },
    },
  } as unknown as APIGatewayProxyEventV2WithJWTAuthorizer;
  try {
    await authorizeRoute().before?.({ event } as never);
    return 'passed';
  } catch (error) {
    return (error as { status: number }).status;
  }
}

describe('the route table', () => {
  it('names the roles of every route that admits staff, and every key once', () => {
    expect(routeTableProblems(ROUTES)).toEqual([]);
    for (const route of ROUTES.filter((r) => r.access !== 'public')) {
      expect(route.roles?.length, routeKey(route)).toBeGreaterThan(0);
    }
  });

  it('refuses a staff route without roles, with no roles, or listed twice (the synth runs the same check)', () => {
    expect(routeTableProblems([staffRoute(undefined)])).toEqual([
      'GET /v1/secret: a staff route must name the staff roles it admits',
    ]);
    expect(routeTableProblems([staffRoute([])])).toHaveLength(1);
    expect(routeTableProblems([staffRoute(['admin']), staffRoute(['admin'])])).toEqual([
      'GET /v1/secret: listed twice',
    ]);
  });
});

describe('authorizeRoute fails closed', () => {
  it('admits a role the route names and refuses one it does not', async () => {
    expect(await authorize('GET /v1/audit', '[admin]')).toBe('passed');
    expect(await authorize('GET /v1/audit', '[leader]')).toBe(403);
  });

  it('refuses a staff request on a route the table does not have, or on a public route', async () => {
    expect(await authorize('GET /v1/unlisted', '[admin]')).toBe(403);
    expect(await authorize('DELETE /v1/cases/{caseId}', '[admin]')).toBe(403);
    expect(await authorize('POST /v1/letters', '[admin]')).toBe(403);
  });
});
