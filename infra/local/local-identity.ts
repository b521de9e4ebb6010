import { ROLE_LABELS, STAFF_ROLES } from '../../shared/domain/roles';
import { COGNITO_CLAIMS, type StaffClaimsMapping } from '../../shared/http/staff-claims';
import type { IdentitySettings } from '../identity-settings';

/**
 * The shape of the staff tokens the local issuer mints (`CIVICLINE_IDENTITY`): Cognito's, as the
 * global stack has them (default), or an OpenID Connect platform's as a city's 统一身份认证 might
 * issue them — other claim names, roles as Chinese group names, its own scope — so the whole path
 * (authorizer, functions, directory check) runs locally as the China stack would run it.
 */
export const IDENTITY_SHAPES = ['cognito', 'oidc'] as const;
export type IdentityShape = (typeof IDENTITY_SHAPES)[number];

export function localIdentityShape(env: Record<string, string | undefined> = process.env): IdentityShape {
  const shape = env.CIVICLINE_IDENTITY ?? 'cognito';
  if (!(IDENTITY_SHAPES as readonly string[]).includes(shape)) {
    throw new Error(`CIVICLINE_IDENTITY must be one of ${IDENTITY_SHAPES.join(', ')}, not "${shape}"`);
  }
  return shape as IdentityShape;
}

/** An identity platform's claims: its own names, and its group names (our roles' Chinese labels). */
export const LOCAL_OIDC_CLAIMS: StaffClaimsMapping = {
  username: 'preferred_username',
  roles: 'groups',
  department: 'org_code',
  roleValues: Object.fromEntries(STAFF_ROLES.map((role) => [ROLE_LABELS[role], role])),
  scope: 'civicline.staff',
};

/**
 * The cdk.json context the local synth gets for an OIDC shape (the addresses are the cloud's;
 * the local runtime puts its own issuer in their place, as it does for Cognito's).
 */
export const LOCAL_OIDC_IDENTITY: IdentitySettings = {
  issuer: 'https://sso.example.gov.cn/oidc',
  audience: ['civicline-local-console'],
  jwksUrl: 'https://sso.example.gov.cn/oidc/jwks',
  claims: LOCAL_OIDC_CLAIMS,
  logoutUrl: 'https://sso.example.gov.cn/oidc/logout',
};

export function claimsOfShape(shape: IdentityShape): StaffClaimsMapping {
  return shape === 'oidc' ? LOCAL_OIDC_CLAIMS : COGNITO_CLAIMS;
}
