import type { SignInAccounts } from '../ports/staff-directory';

/**
 * Staff who sign in with the city's own identity platform (统一身份认证) have their sign-in account
 * there, managed by the city's IT department: this product keeps only its directory (roles,
 * department, enabled), which every request is checked against. Nothing to create or change here.
 */
export const externalSignInAccounts: SignInAccounts = {
  create: async () => ({}),
  update: async () => {},
};
