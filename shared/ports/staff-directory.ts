import type { StaffAccount } from '../domain/staff-account';

export type AccountChange = { readonly before: StaffAccount; readonly after: StaffAccount };

/**
 * The office's staff directory: every account with its roles, department and whether it is
 * enabled. Functions that serve staff check it at each request (a disabled account is refused at
 * its next use, a removed role at once); the local sign-in issues tokens from it.
 */
export interface StaffDirectory {
  /** As it is now (strongly consistent). */
  get(username: string): Promise<StaffAccount | undefined>;
  list(): Promise<readonly StaffAccount[]>;
  /** `false` when the username is taken (nothing written). Audited with the account. */
  add(account: StaffAccount, by: { username: string; role: string }): Promise<boolean>;
  /**
   * Replaces an account by `change(before)`, audited before/after, only if nobody changed it
   * meanwhile; `undefined` when there is no such account. A change that leaves the office without
   * an enabled administrator is refused (`last-admin`, nothing written) — checked in the same
   * transaction against another administrator's account, so two administrators demoting each other
   * at once cannot both succeed.
   */
  change(
    username: string,
    change: (before: StaffAccount) => StaffAccount,
    by: { username: string; role: string },
  ): Promise<AccountChange | 'last-admin' | undefined>;
}

/**
 * The accounts people sign in with, where they live: Cognito in the cloud (users, groups, the
 * department attribute); locally nothing beyond the directory, which the local sign-in reads.
 */
export interface SignInAccounts {
  /** Creates the sign-in; a temporary password when the provider made one (shown once). */
  create(account: StaffAccount): Promise<{ readonly temporaryPassword?: string }>;
  /** Makes the sign-in match the account as it now is (roles, department, enabled). */
  update(account: StaffAccount): Promise<void>;
}
