import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import type { StaffAccount } from '../../shared/domain/staff-account';
import { STAFF_SCOPE } from '../../shared/http/jwt-claims';

/**
 * Stands in for Cognito: signs access tokens shaped like Cognito's (after our pre-token trigger)
 * with an RS256 key kept in the data folder, so tokens survive a restart.
 */
export interface LocalIssuer {
  readonly issuer: string;
  readonly audience: string;
  readonly jwks: { keys: JWK[] };
  accessToken(
    user: Pick<StaffAccount, 'username' | 'roles' | 'departmentId'>,
    lifetimeSeconds?: number,
  ): Promise<string>;
}

export const LOCAL_AUDIENCE = 'civicline-local-console';

export async function createLocalIssuer(keyFile: string, issuer: string): Promise<LocalIssuer> {
  const privateJwk = await loadOrCreateKey(keyFile);
  const privateKey = await importJWK(privateJwk, 'RS256');
  const { d, p, q, dp, dq, qi, ...publicJwk } = privateJwk;
  return {
    issuer,
    audience: LOCAL_AUDIENCE,
    jwks: { keys: [{ ...publicJwk, use: 'sig', alg: 'RS256' }] },
    async accessToken(user, lifetimeSeconds = 3600) {
      return new SignJWT({
        client_id: LOCAL_AUDIENCE,
        token_use: 'access',
        scope: STAFF_SCOPE,
        username: user.username,
        'cognito:groups': [...user.roles],
        ...(user.departmentId ? { department: user.departmentId } : {}),
      })
        .setProtectedHeader({ alg: 'RS256', kid: privateJwk.kid ?? 'local' })
        .setIssuer(issuer)
        .setSubject(`local-${user.username}`)
        .setIssuedAt()
        .setExpirationTime(`${lifetimeSeconds}s`)
        .setJti(randomUUID())
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
