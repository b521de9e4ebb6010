import type { SignInAccounts } from '../ports/staff-directory';

/**
 * Where this product keeps no sign-in accounts of its own, only the staff directory (roles,
 * department, enabled) that every request is checked against: on a developer machine (`/local/login`
 * issues tokens straight from the directory) and where staff sign in with the city's identity
 * platform (统一身份认证, the China stack: the account is the platform's, managed by the city's IT
 * department). Nothing to create or change.
 */
export const directoryOnlySignInAccounts: SignInAccounts = {
  create: async () => ({}),
  update: async () => {},
};
