/**
 * What the pages read from `/config.json` before they start: where the API is and how staff sign
 * in. In the cloud a CloudFront Function answers it with values resolved at deploy; locally the
 * local server answers it. The pages import only the type.
 */
export interface SiteConfig {
  /** Base URL of the API; empty when the API shares the pages' origin (locally). */
  readonly apiUrl: string;
  readonly signIn: LocalSignIn | OidcSignIn;
}

/** `npm start`: demo accounts through POST /local/login. */
export interface LocalSignIn {
  readonly kind: 'local';
}

/** The identity provider's sign-in page: OAuth 2 authorization code with PKCE. */
export interface OidcSignIn {
  readonly kind: 'oidc';
  /** The OpenID issuer; its discovery document names the endpoints. */
  readonly authority: string;
  readonly clientId: string;
  readonly scope: string;
  /** Where signing out ends the provider's session (Cognito's /logout has no discovery entry). */
  readonly logoutUrl: string;
}

/** The configuration `npm start` serves. */
export const LOCAL_SITE_CONFIG: SiteConfig = { apiUrl: '', signIn: { kind: 'local' } };

/**
 * The pages' Content-Security-Policy: their own scripts only, no frames, no plugins. `connect` lists
 * the origins the pages call besides their own (the API, the identity provider). `'unsafe-inline'`
 * is for styles only: Element Plus and Vant set inline style attributes on their components.
 */
export function contentSecurityPolicy(connect: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${["'self'", ...connect].join(' ')}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}
