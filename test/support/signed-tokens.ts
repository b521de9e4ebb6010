import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { localOidcClaims } from '../../infra/local/local-identity';
import { claimValuesOf } from '../../shared/http/staff-claims';
import { TEST_IDENTITY } from './identity-shape';

/** A key pair and its JWKS, for signing tokens of any shape a test needs (ID tokens, no `exp` …). */
export async function testSigner(issuer: string) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'test', alg: 'RS256', use: 'sig' } as JWK] };
  return {
    jwks,
    async sign(claims: JWTPayload, options: { expiresIn?: string | null } = {}): Promise<string> {
      const token = new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'test' })
        .setIssuer(issuer)
        .setIssuedAt();
      if (options.expiresIn !== null) token.setExpirationTime(options.expiresIn ?? '1h');
      return token.sign(privateKey);
    },
  };
}

/** What Cognito puts in an access token and in an ID token for the same console user. */
export const COGNITO_SHAPES = {
  access: (client: string) => ({
    client_id: client,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    username: 'dispatcher1',
    'cognito:groups': ['dispatcher'],
  }),
  id: (client: string) => ({
    aud: client,
    token_use: 'id',
    'cognito:username': 'dispatcher1',
    'cognito:groups': ['dispatcher'],
  }),
};

/**
 * What a city's identity platform puts in an access token (its API scope) and in an ID token (no
 * scope) for the same user, in the shape cdk.json describes (`civicline:identity`).
 */
export const PLATFORM_SHAPES = {
  access: (client: string) => {
    const claims = localOidcClaims();
    return {
      aud: client,
      scope: `openid ${claims.scope}`,
      [claims.username]: 'dispatcher1',
      [claims.roles]: claimValuesOf(['dispatcher'], claims),
    };
  },
  id: (client: string) => {
    const claims = localOidcClaims();
    return {
      aud: client,
      [claims.username]: 'dispatcher1',
      [claims.roles]: claimValuesOf(['dispatcher'], claims),
    };
  },
};

/** The access and ID tokens of this run's identity shape (identity-shape.ts). */
export const TEST_TOKEN_SHAPES = TEST_IDENTITY === 'oidc' ? PLATFORM_SHAPES : COGNITO_SHAPES;
