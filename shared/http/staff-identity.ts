import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { CivicError } from '../domain/errors';
import { rolesOfGroups, type StaffActor } from '../domain/roles';
import type { HttpEvent } from './http-event';

export type { StaffActor };

/**
 * The staff member behind a request, from the claims the API Gateway JWT authorizer verified.
 * API Gateway flattens claims to strings: `cognito:groups` arrives as "[dispatcher leader]".
 */
export function staffFromClaims(claims: Record<string, unknown> | undefined): StaffActor {
  const username = claims?.username ?? claims?.['cognito:username'];
  if (typeof username !== 'string' || username.length === 0) {
    throw new CivicError(401, 'UNAUTHENTICATED', '请先登录');
  }
  const roles = rolesOfGroups(parseGroups(claims?.['cognito:groups']));
  if (roles.length === 0) throw new CivicError(403, 'FORBIDDEN', '该账号未分配任何角色');
  const department = claims?.department;
  return {
    kind: 'staff',
    username,
    roles,
    ...(typeof department === 'string' && department.length > 0 ? { departmentId: department } : {}),
  };
}

export function staffFromEvent(event: HttpEvent): StaffActor {
  const context = event.requestContext as APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'];
  return staffFromClaims(context.authorizer?.jwt?.claims);
}

/**
 * A list of groups as a list (each group one name, spaces and all), or as API Gateway flattens it:
 * "[a b]", split on spaces — unambiguous because the token carries only exact role names
 * (add-department-claim.ts).
 */
function parseGroups(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw !== 'string') return [];
  const trimmed = raw.trim();
  if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    return trimmed
      .slice(1, -1)
      .split(/[\s,]+/)
      .filter(Boolean);
  }
  return trimmed.split(/[\s,]+/).filter(Boolean);
}
