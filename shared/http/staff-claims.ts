import * as z from 'zod/mini';
import { STAFF_ROLES, type StaffActor, type StaffRole } from '../domain/roles';
import { STAFF_SCOPE } from './jwt-claims';

/**
 * How a staff access token names the person, their roles and their department, and the scope it
 * must carry: Cognito's shape in the global stack, the city's own identity platform's (统一身份认证,
 * OIDC) in the China stack. The API's JWT authorizer, the functions and the local issuer all read
 * tokens through one of these; the stack hands a non-Cognito one to each staff function as
 * STAFF_TOKEN_CLAIMS.
 */
export interface StaffClaimsMapping {
  /** The claim holding the sign-in name (the staff directory's username). */
  readonly username: string;
  /** The claim holding the person's roles or groups (a list, or API Gateway's "[a b]"). */
  readonly roles: string;
  /** The claim holding the department id of a department user. */
  readonly department: string;
  /** The identity platform's role values and the role each means here; without it, values are our role names. */
  readonly roleValues?: Readonly<Record<string, StaffRole>>;
  /** The scope every staff route requires (API Gateway `authorizationScopes`). */
  readonly scope: string;
}

/** Cognito after our pre-token trigger (add-department-claim.ts): groups are the roles. */
export const COGNITO_CLAIMS: StaffClaimsMapping = {
  username: 'username',
  roles: 'cognito:groups',
  department: 'department',
  scope: STAFF_SCOPE,
};

const claimName = z.string().check(z.trim(), z.minLength(1), z.maxLength(128));

export const staffClaimsMappingSchema = z.strictObject({
  username: claimName,
  roles: claimName,
  department: claimName,
  // API Gateway passes a list claim as "[a b]": a value with a space would read as two.
  roleValues: z.optional(
    z.record(z.string().check(z.regex(/^\S+$/, '角色取值不能包含空格')), z.enum(STAFF_ROLES)),
  ),
  scope: z.string().check(z.regex(/^\S+$/, 'scope 是一个不含空格的值')),
});

/** The mapping a function was deployed with (STAFF_TOKEN_CLAIMS, JSON), or Cognito's. */
export function deployedClaimsMapping(json: string | undefined): StaffClaimsMapping {
  if (!json) return COGNITO_CLAIMS;
  return staffClaimsMappingSchema.parse(JSON.parse(json));
}

/** The roles a list of claim values grants, in our order; values that mean nothing here grant nothing. */
export function rolesOfClaim(values: readonly string[], mapping: StaffClaimsMapping): StaffRole[] {
  const granted = new Set(
    values.flatMap((value) => {
      const role = mapping.roleValues
        ? Object.hasOwn(mapping.roleValues, value)
          ? mapping.roleValues[value]
          : undefined
        : (STAFF_ROLES as readonly string[]).includes(value)
          ? value
          : undefined;
      return role ? [role] : [];
    }),
  );
  return STAFF_ROLES.filter((role) => granted.has(role));
}

/** The claim values that grant exactly these roles: what a token of this shape carries for them. */
export function claimValuesOf(roles: readonly StaffRole[], mapping: StaffClaimsMapping): string[] {
  if (!mapping.roleValues) return [...roles];
  const byRole = Object.entries(mapping.roleValues);
  return roles.flatMap((role) => {
    const value = byRole.find(([, granted]) => granted === role)?.[0];
    return value === undefined ? [] : [value];
  });
}

/** A staff member as claims of this shape, the way API Gateway passes them (lists as "[a b]"). */
export function claimsOfStaff(staff: StaffActor, mapping: StaffClaimsMapping): Record<string, string> {
  return {
    [mapping.username]: staff.username,
    [mapping.roles]: `[${claimValuesOf(staff.roles, mapping).join(' ')}]`,
    ...(staff.departmentId ? { [mapping.department]: staff.departmentId } : {}),
  };
}
