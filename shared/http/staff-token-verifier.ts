import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import { requiredEnv } from '../runtime/environment';

/**
 * Verifies a staff Bearer token inside a function, for the one route that serves citizens and
 * staff alike (no API Gateway authorizer can be optional). Same checks as the JWT authorizer:
 * signature against the issuer's JWKS, issuer, expiry, and `aud` or `client_id` in the audience.
 * Returns the claims flattened to strings the way API Gateway passes them, or undefined.
 */
export type StaffTokenVerifier = (authorization: string) => Promise<Record<string, string> | undefined>;

export function staffTokenVerifier(): StaffTokenVerifier {
  let keys: ReturnType<typeof createRemoteJWKSet> | undefined;
  return async (authorization) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    if (!token) return undefined;
    keys ??= createRemoteJWKSet(new URL(requiredEnv('STAFF_TOKEN_JWKS_URL')));
    try {
      const { payload } = await jwtVerify(token, keys, { issuer: requiredEnv('STAFF_TOKEN_ISSUER') });
      if (!audienceMatches(payload, requiredEnv('STAFF_TOKEN_AUDIENCE'))) return undefined;
      return Object.fromEntries(
        Object.entries(payload).map(([name, value]) => [
          name,
          Array.isArray(value)
            ? `[${value.join(' ')}]`
            : typeof value === 'string'
              ? value
              : JSON.stringify(value),
        ]),
      );
    } catch {
      return undefined;
    }
  };
}

function audienceMatches(payload: JWTPayload, audience: string): boolean {
  const aud = payload.aud === undefined ? [] : [payload.aud].flat();
  return aud.length > 0 ? aud.includes(audience) : payload.client_id === audience;
}
