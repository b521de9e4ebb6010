import type { SignInAccounts } from '../ports/staff-directory';

/**
 * On a developer machine there is no identity provider: the local sign-in (`/local/login`) issues
 * tokens straight from the staff directory, so an account exists for sign-in once it is stored.
 */
export const localSignInAccounts: SignInAccounts = {
  create: async () => ({}),
  update: async () => {},
};
