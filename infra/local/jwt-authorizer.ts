import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import { apiGatewayClaims, audienceMatches, bearerToken } from '../../shared/http/jwt-claims';

/**
 * Does what the API Gateway HTTP API JWT authorizer does: takes the Bearer token from the
 * Authorization header, checks signature (JWKS), issuer, expiry and not-before, and accepts the
 * token when `aud` or (for access tokens) `client_id` is one of the audiences. Claims reach the
 * handler as API Gateway passes them: every value a string, arrays as "[a b]".
 */
export type Authorization =
  | { ok: true; claims: Record<string, string>; scopes: string[] | null }
  | { ok: false };

export function jwtAuthorizer(config: { issuer: string; audience: readonly string[]; jwks: JSONWebKeySet }) {
  const keys = createLocalJWKSet(config.jwks);
  return async (authorizationHeader: string | undefined): Promise<Authorization> => {
    const token = bearerToken(authorizationHeader);
    if (!token) return { ok: false };
    try {
      const { payload } = await jwtVerify(token, keys, { issuer: config.issuer, clockTolerance: 0 });
      if (!audienceMatches(payload, config.audience)) return { ok: false };
      return {
        ok: true,
        claims: apiGatewayClaims(payload),
        scopes: typeof payload.scope === 'string' ? payload.scope.split(' ') : null,
      };
    } catch {
      return { ok: false };
    }
  };
}
