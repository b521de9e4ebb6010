import { DEMO_USERS } from '../../infra/local/demo-directory';
import { claimsOfShape, localIdentityShape } from '../../infra/local/local-identity';
import { STAFF_ROLES, type StaffRole } from '../../shared/domain/roles';
import { COGNITO_CLAIMS, claimsOfStaff, claimValuesOf } from '../../shared/http/staff-claims';

/**
 * The staff token shape this run uses (`CIVICLINE_IDENTITY`, issue 15): the suite runs in
 * Cognito's (the global stack, default) or the city's identity platform's (the China stack):
 * `CIVICLINE_IDENTITY=oidc npm test`.
 */
export const TEST_IDENTITY = localIdentityShape();

/**
 * Authorizer claims a test writes in Cognito's shape, as this run's shape has them: each claim
 * renamed, each role written as the platform's value; anything else (a role nobody has, a claim
 * no shape names) left as it is, so a test of odd claims keeps its oddness.
 */
export function inTestShape(claims: Record<string, string>): Record<string, string> {
  if (TEST_IDENTITY === 'cognito') return claims;
  const target = claimsOfShape(TEST_IDENTITY);
  return Object.fromEntries(
    Object.entries(claims).map(([name, value]) => {
      if (name === COGNITO_CLAIMS.username) return [target.username, value];
      if (name === COGNITO_CLAIMS.department) return [target.department, value];
      if (name !== COGNITO_CLAIMS.roles) return [name, value];
      const roles = value
        .replace(/^\[|\]$/g, '')
        .split(/\s+/)
        .filter(Boolean);
      const written = roles.map((role) =>
        (STAFF_ROLES as readonly string[]).includes(role)
          ? (claimValuesOf([role as StaffRole], target)[0] ?? role)
          : role,
      );
      return [target.roles, `[${written.join(' ')}]`];
    }),
  );
}

/** A demo account's authorizer claims, in this run's shape (its roles and department as the directory has them). */
export function demoStaffClaims(username: string): Record<string, string> {
  const account = DEMO_USERS.find((user) => user.username === username);
  if (!account) throw new Error(`no demo account ${username}`);
  return claimsOfStaff({ kind: 'staff', ...account }, claimsOfShape(TEST_IDENTITY));
}
