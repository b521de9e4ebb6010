import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import type { StaffAccount } from '../../shared/domain/staff-account';
import { COGNITO_CLAIMS, claimValuesOf, type StaffClaimsMapping } from '../../shared/http/staff-claims';

/**
 * Stands in for Cognito or the city's identity platform: signs access tokens of the given shape
 * (Cognito's after our pre-token trigger by default) with an RS256 key kept in the data folder,
 * so tokens survive a restart.
 */
export interface LocalIssuer {
  readonly issuer: string;
  readonly audience: string;
  readonly jwks: { keys: JWK[] };
  /** The shape of the tokens it signs. */
  readonly claims: StaffClaimsMapping;
  accessToken(
    user: Pick<StaffAccount, 'username' | 'roles' | 'departmentId'>,
    lifetimeSeconds?: number,
  ): Promise<string>;
  /** An ID token for a client (the console), as the identity platform's token endpoint answers it. */
  idToken(user: Pick<StaffAccount, 'username'>, clientId: string, nonce?: string): Promise<string>;
}

export const LOCAL_AUDIENCE = 'civicline-local-console';

export async function createLocalIssuer(
  keyFile: string,
  issuer: string,
  claims: StaffClaimsMapping = COGNITO_CLAIMS,
): Promise<LocalIssuer> {
  const privateJwk = await loadOrCreateKey(keyFile);
  const privateKey = await importJWK(privateJwk, 'RS256');
  const { d, p, q, dp, dq, qi, ...publicJwk } = privateJwk;
  // Cognito names the client in `client_id` and has no `aud` in access tokens; OIDC platforms use `aud`.
  const audienceClaim =
    claims === COGNITO_CLAIMS ? { client_id: LOCAL_AUDIENCE, token_use: 'access' } : { aud: LOCAL_AUDIENCE };
  return {
    issuer,
    audience: LOCAL_AUDIENCE,
    claims,
    jwks: { keys: [{ ...publicJwk, use: 'sig', alg: 'RS256' }] },
    async accessToken(user, lifetimeSeconds = 3600) {
      return new SignJWT({
        ...audienceClaim,
        scope: claims === COGNITO_CLAIMS ? claims.scope : `openid ${claims.scope}`,
        [claims.username]: user.username,
        // A list in the token; API Gateway hands it to the function as "[a b]".
        [claims.roles]: claimValuesOf(user.roles, claims),
        ...(user.departmentId ? { [claims.department]: user.departmentId } : {}),
      })
        .setProtectedHeader({ alg: 'RS256', kid: privateJwk.kid ?? 'local' })
        .setIssuer(issuer)
        .setSubject(`local-${user.username}`)
        .setIssuedAt()
        .setExpirationTime(`${lifetimeSeconds}s`)
        .setJti(randomUUID())
        .sign(privateKey);
    },
    async idToken(user, clientId, nonce) {
      return new SignJWT({ [claims.username]: user.username, ...(nonce ? { nonce } : {}) })
        .setProtectedHeader({ alg: 'RS256', kid: privateJwk.kid ?? 'local' })
        .setIssuer(issuer)
        .setAudience(clientId)
        .setSubject(`local-${user.username}`)
        .setIssuedAt()
        .setExpirationTime('3600s')
        .sign(privateKey);
    },
  };
}

async function loadOrCreateKey(keyFile: string): Promise<JWK> {
  if (existsSync(keyFile)) return JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID() };
  mkdirSync(dirname(keyFile), { recursive: true });
  writeFileSync(keyFile, JSON.stringify(jwk), { mode: 0o600 });
  return jwk;
}
