import type { OidcSignIn } from '../../../shared/contract/site-config';

/**
 * Staff sign-in through the identity provider's own pages (Cognito's hosted UI, or a city's OIDC
 * platform): OAuth 2 authorization code with PKCE, by oidc-client-ts. The console never sees a
 * password; it keeps the access token for the tab only. Loaded only where the site uses it.
 */
const consoleUrl = () => `${location.origin}/console/`;

async function userManager(settings: OidcSignIn) {
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: settings.authority,
    client_id: settings.clientId,
    redirect_uri: consoleUrl(),
    post_logout_redirect_uri: consoleUrl(),
    response_type: 'code',
    scope: settings.scope,
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    loadUserInfo: false,
    automaticSilentRenew: false,
  });
}

/** Sends the browser to the provider's sign-in page. */
export async function startSignIn(settings: OidcSignIn): Promise<void> {
  await (await userManager(settings)).signinRedirect();
}

/** On the way back from the provider (`?code=…&state=…`): the access token, and a clean URL. */
export async function finishSignIn(settings: OidcSignIn): Promise<string | undefined> {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') || !query.has('state')) return undefined;
  const user = await (await userManager(settings)).signinRedirectCallback();
  history.replaceState(null, '', `${consoleUrl()}${location.hash}`);
  return user.access_token;
}

/**
 * Ends the provider's session too: Cognito's /logout takes client_id and logout_uri, an OpenID
 * platform's end-session endpoint post_logout_redirect_uri; each ignores the other's.
 */
export async function endSession(settings: OidcSignIn): Promise<void> {
  await (await userManager(settings)).removeUser();
  const logout = new URL(settings.logoutUrl);
  logout.searchParams.set('client_id', settings.clientId);
  logout.searchParams.set('logout_uri', consoleUrl());
  logout.searchParams.set('post_logout_redirect_uri', consoleUrl());
  location.assign(logout.toString());
}
