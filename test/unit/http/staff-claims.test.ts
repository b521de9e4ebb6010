import { describe, expect, it } from 'vitest';
import { localOidcClaims } from '../../../infra/local/local-identity';
import {
  COGNITO_CLAIMS,
  claimsOfStaff,
  deployedClaimsMapping,
  rolesOfClaim,
  staffClaimsMappingSchema,
} from '../../../shared/http/staff-claims';
import { staffFromClaims } from '../../../shared/http/staff-identity';

/** The identity platform's token shape, as cdk.json describes it. */
const LOCAL_OIDC_CLAIMS = localOidcClaims();

/** One reading of staff tokens for Cognito's shape and an identity platform's (issue 15). */
describe('a staff token read through its shape', () => {
  it('reads Cognito’s claims by default, and a platform’s through its mapping', () => {
    expect(deployedClaimsMapping(undefined)).toBe(COGNITO_CLAIMS);
    expect(deployedClaimsMapping(JSON.stringify(LOCAL_OIDC_CLAIMS))).toEqual(LOCAL_OIDC_CLAIMS);
    expect(
      staffFromClaims(
        { preferred_username: 'housing1', groups: '[承办单位 领导]', org_code: 'dept-housing' },
        LOCAL_OIDC_CLAIMS,
      ),
    ).toEqual({
      kind: 'staff',
      username: 'housing1',
      roles: ['department', 'leader'],
      departmentId: 'dept-housing',
    });
  });

  it('grants nothing for values the mapping does not name — not even our own role names', () => {
    expect(rolesOfClaim(['admin', '系统管理员', '派单员'], LOCAL_OIDC_CLAIMS)).toEqual(['dispatcher']);
    expect(() => staffFromClaims({ preferred_username: 'x', groups: ['admin'] }, LOCAL_OIDC_CLAIMS)).toThrow(
      '该账号未分配任何角色',
    );
    // Cognito's claims do not open an OIDC stack, nor the other way round.
    expect(() =>
      staffFromClaims({ username: 'x', 'cognito:groups': '[admin]' }, LOCAL_OIDC_CLAIMS),
    ).toThrow();
    expect(() => staffFromClaims({ preferred_username: 'x', groups: '[管理员]' }, COGNITO_CLAIMS)).toThrow();
  });

  it('writes a staff member back in the same shape (the directory check rewrites the claims)', () => {
    const staff = {
      kind: 'staff',
      username: 'housing1',
      roles: ['department'],
      departmentId: 'dept-housing',
    } as const;
    for (const mapping of [COGNITO_CLAIMS, LOCAL_OIDC_CLAIMS]) {
      expect(staffFromClaims(claimsOfStaff(staff, mapping), mapping)).toEqual(staff);
    }
    expect(claimsOfStaff(staff, LOCAL_OIDC_CLAIMS)).toEqual({
      preferred_username: 'housing1',
      groups: '[承办单位]',
      org_code: 'dept-housing',
    });
  });

  it('refuses a mapping whose role values API Gateway would split, or that maps to no role of ours', () => {
    const issues = (roleValues: Record<string, string>) =>
      staffClaimsMappingSchema.safeParse({ ...LOCAL_OIDC_CLAIMS, roleValues }).error?.issues.length ?? 0;
    expect(issues({ '12345 接线员': 'operator' })).toBeGreaterThan(0);
    expect(issues({ 超级用户: 'root' })).toBeGreaterThan(0);
    expect(issues({ 接线员: 'operator' })).toBe(0);
  });
});
