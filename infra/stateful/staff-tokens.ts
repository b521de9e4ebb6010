import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer, HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type { UserPool } from 'aws-cdk-lib/aws-cognito';
import type { OidcSignIn } from '../../shared/contract/site-config';
import { COGNITO_CLAIMS, type StaffClaimsMapping } from '../../shared/http/staff-claims';
import type { IdentitySettings } from '../identity-settings';
import type { StaffDirectory } from './staff-directory';

/**
 * Who issues the staff access tokens the API trusts, whichever it is: the Cognito pool of the
 * global stack, or the city's identity platform (China). The API's authorizer, the functions
 * that verify tokens themselves and the console's sign-in are all built from this.
 */
export interface StaffTokens {
  readonly issuer: string;
  readonly audience: readonly string[];
  readonly jwksUrl: string;
  readonly claims: StaffClaimsMapping;
  /** The console's sign-in (OIDC authorization code with PKCE). */
  readonly console: {
    readonly clientId: string;
    readonly scopes: readonly string[];
    readonly logoutUrl: string;
    /** Origins the console talks to while signing in (its Content-Security-Policy). */
    readonly origins: readonly string[];
  };
  /** The pool where this product creates and changes sign-in accounts; none for an external platform. */
  readonly userPool?: UserPool;
  authorizer(): IHttpRouteAuthorizer;
}

/** How the console signs in with these tokens' issuer: what its `/config.json` says, wherever served. */
export function consoleSignIn(tokens: Pick<StaffTokens, 'issuer' | 'console'>): OidcSignIn {
  return {
    kind: 'oidc',
    authority: tokens.issuer,
    clientId: tokens.console.clientId,
    scope: tokens.console.scopes.join(' '),
    logoutUrl: tokens.console.logoutUrl,
  };
}

export function cognitoTokens(staff: StaffDirectory, region: string, urlSuffix: string): StaffTokens {
  const issuer = staff.userPool.userPoolProviderUrl;
  const signInOrigin = staff.signInDomain.baseUrl();
  return {
    issuer,
    audience: [staff.consoleClient.userPoolClientId],
    jwksUrl: `${issuer}/.well-known/jwks.json`,
    claims: COGNITO_CLAIMS,
    console: {
      clientId: staff.consoleClient.userPoolClientId,
      scopes: staff.consoleScopes.map((scope) => scope.scopeName),
      logoutUrl: `${signInOrigin}/logout`,
      origins: [`https://cognito-idp.${region}.${urlSuffix}`, signInOrigin],
    },
    userPool: staff.userPool,
    authorizer: () =>
      new HttpUserPoolAuthorizer('StaffJwt', staff.userPool, { userPoolClients: [staff.consoleClient] }),
  };
}

export function externalTokens(settings: IdentitySettings): StaffTokens {
  const [clientId = ''] = settings.audience;
  return {
    issuer: settings.issuer,
    audience: settings.audience,
    jwksUrl: settings.jwksUrl,
    claims: settings.claims,
    console: {
      clientId,
      scopes: ['openid', 'profile', settings.claims.scope],
      logoutUrl: settings.logoutUrl,
      origins: [new URL(settings.issuer).origin],
    },
    authorizer: () =>
      new HttpJwtAuthorizer('StaffJwt', settings.issuer, { jwtAudience: [...settings.audience] }),
  };
}
