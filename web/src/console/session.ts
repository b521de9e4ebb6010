import { reactive } from 'vue';
import type { components } from '../api/civicline';

/**
 * Who is signed in: the token (kept for the tab only) and the profile the API reports for it.
 * Locally the token comes from POST /local/login with a demo account; in the cloud, from the
 * identity provider's sign-in (authorization code + PKCE, oidc-sign-in.ts).
 */
export const session = reactive({
  token: sessionStorage.getItem('civicline-token') ?? '',
  profile: undefined as components['schemas']['StaffProfile'] | undefined,
});

export function signIn(token: string) {
  session.token = token;
  sessionStorage.setItem('civicline-token', token);
}

export function signOut() {
  session.token = '';
  session.profile = undefined;
  sessionStorage.removeItem('civicline-token');
}

export const authorization = () => ({ authorization: `Bearer ${session.token}` });
