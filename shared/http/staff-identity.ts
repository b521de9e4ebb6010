import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { CivicError } from '../domain/errors';
import type { StaffActor } from '../domain/roles';
import { STAFF_TOKEN_ENV } from '../runtime/environment';
import type { HttpEvent } from './http-event';
import { deployedClaimsMapping, rolesOfClaim, type StaffClaimsMapping } from './staff-claims';

export type { StaffActor };

let deployed: { readonly json: string | undefined; readonly mapping: StaffClaimsMapping } | undefined;

/** The token shape this function was deployed with (STAFF_TOKEN_CLAIMS; Cognito's without it). */
export function currentClaimsMapping(): StaffClaimsMapping {
  const json = process.env[STAFF_TOKEN_ENV.claims];
  if (deployed && deployed.json === json) return deployed.mapping;
  const mapping = deployedClaimsMapping(json);
  deployed = { json, mapping };
  return mapping;
}

/**
 * The staff member behind a request, from the claims the API Gateway JWT authorizer verified, read
 * through the token shape (staff-claims.ts). API Gateway flattens claims to strings: a list of
 * groups arrives as "[dispatcher leader]".
 */
export function staffFromClaims(
  claims: Record<string, unknown> | undefined,
  mapping: StaffClaimsMapping = currentClaimsMapping(),
): StaffActor {
  const username = claims?.[mapping.username];
  if (typeof username !== 'string' || username.length === 0) {
    throw new CivicError(401, 'UNAUTHENTICATED', '请先登录');
  }
  const roles = rolesOfClaim(parseGroups(claims?.[mapping.roles]), mapping);
  if (roles.length === 0) throw new CivicError(403, 'FORBIDDEN', '该账号未分配任何角色');
  const department = claims?.[mapping.department];
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
 * "[a b]", split on spaces — unambiguous because role values carry no spaces (Cognito groups are
 * exactly our role names, add-department-claim.ts; an identity platform's values are checked).
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
