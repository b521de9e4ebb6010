import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { forbidden } from '../domain/errors';
import type { StaffDirectory } from '../ports/staff-directory';
import { currentStaff } from '../use-cases/current-staff';
import { claimsOfStaff } from './staff-claims';
import { currentClaimsMapping, staffFromClaims } from './staff-identity';

/**
 * A handler that does not check the directory serves no staff: a staff route whose function
 * forgot the check fails closed (staff-handler.ts adds it).
 */
export function refuseStaffClaims(): MiddlewareObj<APIGatewayProxyEventV2WithJWTAuthorizer> {
  return {
    before: async ({ event }) => {
      if (event.requestContext?.authorizer?.jwt?.claims) throw forbidden('此接口未核对工作人员账号');
    },
  };
}

/**
 * Every request API Gateway's JWT authorizer let through is checked against the staff directory
 * before any logic runs (and before the route's roles are): the claims the function reads
 * afterwards are the account's as it is now — its remaining roles and its department.
 */
export function checkStaffAccount(
  directory: () => StaffDirectory,
): MiddlewareObj<APIGatewayProxyEventV2WithJWTAuthorizer> {
  return {
    before: async ({ event }) => {
      const claims = event.requestContext?.authorizer?.jwt?.claims;
      if (!claims) return;
      const mapping = currentClaimsMapping();
      const staff = await currentStaff(directory(), staffFromClaims(claims, mapping));
      const { [mapping.department]: _fromToken, ...others } = claims;
      const jwt = event.requestContext.authorizer.jwt;
      jwt.claims = { ...others, ...claimsOfStaff(staff, mapping) };
    },
  };
}
