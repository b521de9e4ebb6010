import { COGNITO_CLAIMS, type StaffClaimsMapping } from '../../shared/http/staff-claims';
import { cdkJsonContext } from '../cdk-json-context';
import { IDENTITY_CONTEXT_KEY, parseIdentitySettings } from '../identity-settings';

/**
 * The shape of the staff tokens the local issuer mints (`CIVICLINE_IDENTITY`): Cognito's, as the
 * global stack has them (default), or the city's identity platform's (统一身份认证) as cdk.json
 * describes it — other claim names, roles as its group names, its own scope — so the whole path
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

/**
 * The identity platform's claims as cdk.json names them for the China stack (`civicline:identity`):
 * its own claim names, its group names for our roles, its scope — one setting, read by the China
 * synth and by the local issuer alike.
 */
export function localOidcClaims(): StaffClaimsMapping {
  const settings = parseIdentitySettings(cdkJsonContext()[IDENTITY_CONTEXT_KEY]);
  if (!settings) throw new Error(`CIVICLINE_IDENTITY=oidc needs cdk.json context "${IDENTITY_CONTEXT_KEY}"`);
  return settings.claims;
}

export function claimsOfShape(shape: IdentityShape): StaffClaimsMapping {
  return shape === 'oidc' ? localOidcClaims() : COGNITO_CLAIMS;
}
