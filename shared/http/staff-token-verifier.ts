import { createRemoteJWKSet } from 'jose';
import { requiredEnv, STAFF_TOKEN_ENV } from '../runtime/environment';
import { checkStaffToken } from './jwt-claims';
import { currentClaimsMapping } from './staff-identity';

/**
 * Verifies a staff Bearer token inside a function, for the one route that serves citizens and
 * staff alike (no API Gateway authorizer can be optional). Same checks as the JWT authorizer:
 * signature against the issuer's JWKS, issuer, expiry (required), `aud` or `client_id` in the
 * audience, and the staff scope (no ID tokens).
 * Returns the claims flattened to strings the way API Gateway passes them, or undefined.
 */
export type StaffTokenVerifier = (authorization: string) => Promise<Record<string, string> | undefined>;

export function staffTokenVerifier(): StaffTokenVerifier {
  let keys: ReturnType<typeof createRemoteJWKSet> | undefined;
  return async (authorization) => {
    keys ??= createRemoteJWKSet(new URL(requiredEnv(STAFF_TOKEN_ENV.jwksUrl)));
    const check = await checkStaffToken(authorization, keys, {
      issuer: requiredEnv(STAFF_TOKEN_ENV.issuer),
      audience: requiredEnv(STAFF_TOKEN_ENV.audience).split(','),
      scope: currentClaimsMapping().scope,
    });
    return check.ok ? check.claims : undefined;
  };
}
