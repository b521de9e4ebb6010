import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler as addDepartmentClaim } from '../../../functions/add-department-claim';
import { jwtAuthorizer } from '../../../infra/local/jwt-authorizer';
import { STAFF_SCOPE } from '../../../shared/http/jwt-claims';
import { staffFromClaims } from '../../../shared/http/staff-identity';
import { COGNITO_SHAPES, testSigner } from '../../support/signed-tokens';

const ISSUER = 'https://cognito-idp.local/pool';
const CLIENT = 'console-client';

describe('the local JWT authorizer, as API Gateway’s with the staff routes’ scope', async () => {
  const signer = await testSigner(ISSUER);
  const authorize = jwtAuthorizer({
    issuer: ISSUER,
    audience: [CLIENT],
    jwks: signer.jwks,
    scope: STAFF_SCOPE,
  });

  it('accepts a Cognito access token', async () => {
    const result = await authorize(`Bearer ${await signer.sign(COGNITO_SHAPES.access(CLIENT))}`);
    expect(result).toMatchObject({ ok: true, claims: { username: 'dispatcher1' } });
  });

  it('refuses a signed token without exp', async () => {
    const token = await signer.sign(COGNITO_SHAPES.access(CLIENT), { expiresIn: null });
    expect(await authorize(`Bearer ${token}`)).toMatchObject({ ok: false });
  });

  it('refuses an ID token of the same client (no scope): 403 as API Gateway answers', async () => {
    const token = await signer.sign(COGNITO_SHAPES.id(CLIENT));
    expect(await authorize(`Bearer ${token}`)).toEqual({ ok: false, status: 403 });
  });
});

describe('roles from groups', () => {
  it('never reads a group name with a space as two roles', () => {
    expect(() => staffFromClaims({ username: 'x', 'cognito:groups': ['dispatcher leader'] })).toThrow(
      '该账号未分配任何角色',
    );
    expect(
      staffFromClaims({ username: 'x', 'cognito:groups': ['dispatcher leader', 'reviewer'] }).roles,
    ).toEqual(['reviewer']);
  });

  it('keeps only exact role groups in the token (the Cognito trigger), so the flattened claim is unambiguous', async () => {
    const event = {
      request: {
        userAttributes: { 'custom:department': 'dept-housing' },
        groupConfiguration: { groupsToOverride: ['dispatcher leader', 'department', 'Admins'] },
      },
      response: {},
    } as unknown as PreTokenGenerationV2TriggerEvent;
    const out = await addDepartmentClaim(event);
    expect(out.response.claimsAndScopeOverrideDetails).toEqual({
      groupOverrideDetails: { groupsToOverride: ['department'] },
      accessTokenGeneration: { claimsToAddOrOverride: { department: 'dept-housing' } },
    });
  });
});
