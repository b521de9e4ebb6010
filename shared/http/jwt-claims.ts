import { type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';

/**
 * The parts of API Gateway's JWT authorizer that both the local authorizer and the one function
 * that verifies tokens itself must reproduce exactly.
 */

/** The token of an Authorization header; API Gateway accepts it with or without "Bearer". */
export function bearerToken(header: string | undefined): string | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(value);
  if (match) return match[1];
  return /\s/.test(value) ? undefined : value;
}

/**
 * The scope every staff route requires (the routes' `authorizationScopes` in API Gateway). Cognito
 * puts it in every access token and in no ID token: there is no other standard way to tell them
 * apart, and an ID token (`token_use: id`) must not open the API.
 */
export const STAFF_SCOPE = 'aws.cognito.signin.user.admin';

/** Claims API Gateway insists on before it looks at anything else (a token without `exp` never expires). */
export const REQUIRED_CLAIMS = ['exp'];

/** API Gateway reads scopes from `scope` (space-separated) or `scp` (a list or a string). */
export function tokenScopes(payload: JWTPayload): string[] {
  const raw = payload.scope ?? payload.scp;
  if (Array.isArray(raw)) return raw.map(String);
  return typeof raw === 'string' ? raw.split(' ').filter(Boolean) : [];
}

/** `aud` must name an audience; a token without `aud` (a Cognito access token) is judged by `client_id`. */
export function audienceMatches(payload: JWTPayload, audiences: readonly string[]): boolean {
  const aud = payload.aud === undefined ? [] : [payload.aud].flat();
  const candidates = aud.length > 0 ? aud : typeof payload.client_id === 'string' ? [payload.client_id] : [];
  return candidates.some((value) => audiences.includes(value));
}

/** Claims as API Gateway hands them to the function: every value a string, arrays as "[a b]". */
export function apiGatewayClaims(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    claims[name] = Array.isArray(value)
      ? `[${value.join(' ')}]`
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  }
  return claims;
}

/** What API Gateway's JWT authorizer concludes about an Authorization header on a staff route. */
export type StaffTokenCheck =
  | { readonly ok: true; readonly claims: Record<string, string>; readonly scopes: string[] }
  /** 401: no token, a bad signature, issuer, audience or expiry; 403: a valid token without the staff scope. */
  | { readonly ok: false; readonly status: 401 | 403 };

/**
 * The authorizer's checks, in its order: a Bearer token, its signature against the issuer's keys,
 * issuer, `exp` (required) and `nbf`, `aud` or `client_id` among the audiences, then the staff
 * scope (Cognito's STAFF_SCOPE, or the identity platform's — staff-claims.ts).
 * The local authorizer and the one function that verifies tokens itself both call this.
 */
export async function checkStaffToken(
  authorization: string | undefined,
  keys: JWTVerifyGetKey,
  config: { readonly issuer: string; readonly audience: readonly string[]; readonly scope: string },
): Promise<StaffTokenCheck> {
  const token = bearerToken(authorization);
  if (!token) return { ok: false, status: 401 };
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: config.issuer,
      clockTolerance: 0,
      requiredClaims: REQUIRED_CLAIMS,
    });
    if (!audienceMatches(payload, config.audience)) return { ok: false, status: 401 };
    const scopes = tokenScopes(payload);
    if (!scopes.includes(config.scope)) return { ok: false, status: 403 };
    return { ok: true, claims: apiGatewayClaims(payload), scopes };
  } catch {
    return { ok: false, status: 401 };
  }
}
