import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import {
  apiGatewayClaims,
  audienceMatches,
  bearerToken,
  REQUIRED_CLAIMS,
  STAFF_SCOPE,
  tokenScopes,
} from '../../shared/http/jwt-claims';

/**
 * Does what the API Gateway HTTP API JWT authorizer does: takes the Bearer token from the
 * Authorization header, checks signature (JWKS), issuer, expiry (required) and not-before, accepts
 * the token when `aud` or (for access tokens) `client_id` is one of the audiences, and requires
 * the staff scope every staff route declares (so an ID token is refused, as in the cloud). Claims reach the
 * handler as API Gateway passes them: every value a string, arrays as "[a b]".
 */
export type Authorization =
  | { ok: true; claims: Record<string, string>; scopes: string[] | null }
  | { ok: false; status?: 403 };

export function jwtAuthorizer(config: { issuer: string; audience: readonly string[]; jwks: JSONWebKeySet }) {
  const keys = createLocalJWKSet(config.jwks);
  return async (authorizationHeader: string | undefined): Promise<Authorization> => {
    const token = bearerToken(authorizationHeader);
    if (!token) return { ok: false };
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        clockTolerance: 0,
        requiredClaims: REQUIRED_CLAIMS,
      });
      if (!audienceMatches(payload, config.audience)) return { ok: false };
      const scopes = tokenScopes(payload);
      // Every staff route requires the staff scope (403 in API Gateway when a valid token lacks it).
      if (!scopes.includes(STAFF_SCOPE)) return { ok: false, status: 403 };
      return { ok: true, claims: apiGatewayClaims(payload), scopes };
    } catch {
      return { ok: false };
    }
  };
}
