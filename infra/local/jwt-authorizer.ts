import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { checkStaffToken, type StaffTokenCheck } from '../../shared/http/jwt-claims';

/**
 * Does what the API Gateway HTTP API JWT authorizer does on a staff route (checkStaffToken), with
 * the issuer's keys in memory. Claims reach the handler as API Gateway passes them: every value a
 * string, arrays as "[a b]".
 */
export type Authorization = StaffTokenCheck;

export function jwtAuthorizer(config: {
  issuer: string;
  audience: readonly string[];
  jwks: JSONWebKeySet;
  /** The scope the staff routes require (the token shape's, staff-claims.ts). */
  scope: string;
}) {
  const keys = createLocalJWKSet(config.jwks);
  return (authorizationHeader: string | undefined): Promise<Authorization> =>
    checkStaffToken(authorizationHeader, keys, config);
}
