import { randomInt } from 'node:crypto';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  type CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { STAFF_ROLES } from '../domain/roles';
import type { StaffAccount } from '../domain/staff-account';
import type { SignInAccounts } from '../ports/staff-directory';

/** The custom attribute the pool keeps a department user's department in (staff-directory.ts). */
const DEPARTMENT_ATTRIBUTE = 'custom:department';

/**
 * Staff sign-in accounts in the Cognito user pool: a user per account, a group per role, the
 * department attribute the token trigger copies into the access token. Each call makes the pool
 * match the account as a whole (groups listed and corrected, attributes set, enabled or not), so a
 * retry after a failure heals whatever the failed attempt left half done.
 */
export function cognitoSignInAccounts(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
): SignInAccounts {
  const matchPool = async (account: StaffAccount) => {
    const { username: Username } = account;
    await cognito.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: userPoolId,
        Username,
        UserAttributes: [
          { Name: 'name', Value: account.displayName },
          ...(account.departmentId ? [{ Name: DEPARTMENT_ATTRIBUTE, Value: account.departmentId }] : []),
        ],
      }),
    );
    if (!account.departmentId) {
      await cognito.send(
        new AdminDeleteUserAttributesCommand({
          UserPoolId: userPoolId,
          Username,
          UserAttributeNames: [DEPARTMENT_ATTRIBUTE],
        }),
      );
    }
    const listed = await cognito.send(
      new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username, Limit: 60 }),
    );
    const groups = new Set((listed.Groups ?? []).map((group) => group.GroupName ?? ''));
    for (const role of STAFF_ROLES) {
      const wanted = account.roles.includes(role);
      if (wanted && !groups.has(role)) {
        await cognito.send(
          new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username, GroupName: role }),
        );
      } else if (!wanted && groups.has(role)) {
        await cognito.send(
          new AdminRemoveUserFromGroupCommand({ UserPoolId: userPoolId, Username, GroupName: role }),
        );
      }
    }
    if (account.enabled) {
      await cognito.send(new AdminEnableUserCommand({ UserPoolId: userPoolId, Username }));
    } else {
      await cognito.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username }));
      // Its refresh tokens stop working; access tokens already issued are refused by the directory check.
      await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username }));
    }
  };

  return {
    async create(account) {
      const temporaryPassword = temporaryPasswordFor();
      try {
        await cognito.send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: account.username,
            TemporaryPassword: temporaryPassword,
            // The administrator hands the temporary password over in person; no e-mail or SMS.
            MessageAction: 'SUPPRESS',
          }),
        );
      } catch (error) {
        // Left by an attempt that failed before the directory stored the account: take it over
        // with a new temporary password (the old one was never shown to anyone).
        if (!(error instanceof UsernameExistsException)) throw error;
        await cognito.send(
          new AdminSetUserPasswordCommand({
            UserPoolId: userPoolId,
            Username: account.username,
            Password: temporaryPassword,
            Permanent: false,
          }),
        );
      }
      await matchPool(account);
      return { temporaryPassword };
    },

    async update(account) {
      await matchPool(account);
    },
  };
}

/** 16 characters with upper and lower case, digits and symbols: what the pool's password policy asks. */
function temporaryPasswordFor(): string {
  const classes = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#$%^&*-_=+'];
  const all = classes.join('');
  const chars = [
    ...classes.map((set) => set[randomInt(set.length)]),
    ...Array.from({ length: 12 }, () => all[randomInt(all.length)]),
  ];
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
