import type { JWTPayload } from 'jose';

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
