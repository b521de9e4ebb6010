import * as z from 'zod/mini';
import { CivicError } from '../shared/domain/errors';
import { clientAddress } from '../shared/http/client-address';
import type { HttpEvent } from '../shared/http/http-event';
import { httpHandler } from '../shared/http/http-handler';
import { caseIdSchema } from '../shared/http/path-schemas';
import { json } from '../shared/http/responses';
import { assertRouteRole } from '../shared/http/route-authorization';
import { staffFromClaims } from '../shared/http/staff-identity';
import { type StaffTokenVerifier, staffTokenVerifier } from '../shared/http/staff-token-verifier';
import { parseInput } from '../shared/http/validation';
import type { StaffDirectory } from '../shared/ports/staff-directory';
import { caseReadDependencies, staffDirectory } from '../shared/runtime/dependencies';
import type { AttachmentReading } from '../shared/use-cases/attach-files';
import { currentStaff } from '../shared/use-cases/current-staff';
import { type CitizenAccessDependencies, viewCaseAsCitizen } from '../shared/use-cases/view-case-as-citizen';
import { type StaffAccessDependencies, viewCaseAsStaff } from '../shared/use-cases/view-case-as-staff';

const queryCodeSchema = z.string().check(z.trim(), z.minLength(1, '请提供查询码'), z.maxLength(32));

/**
 * GET /v1/cases/{caseId} — staff with a Bearer token get the full case (contact data by role);
 * a citizen with the X-Query-Code header gets their own view. One route serves both, so the
 * token is verified here, with the same checks as API Gateway's JWT authorizer.
 */
export function getCase(
  deps: CitizenAccessDependencies & StaffAccessDependencies & AttachmentReading,
  verifyStaffToken: StaffTokenVerifier,
  directory: () => StaffDirectory,
) {
  return async (event: HttpEvent) => {
    const caseId = parseInput(caseIdSchema, event.pathParameters?.caseId);
    const authorization = event.headers.authorization;
    if (authorization !== undefined) {
      const claims = await verifyStaffToken(authorization);
      if (!claims) throw new CivicError(401, 'UNAUTHENTICATED', '登录凭证无效或已过期，请重新登录');
      // The account as the directory has it now, as on every staff route (staff-handler.ts).
      const staff = await currentStaff(directory(), staffFromClaims(claims));
      assertRouteRole(event.routeKey, staff);
      return json(200, await viewCaseAsStaff(deps, caseId, staff));
    }
    const queryCode = event.headers['x-query-code'];
    if (queryCode === undefined) {
      throw new CivicError(401, 'QUERY_CODE_REQUIRED', '请在 X-Query-Code 请求头中提供查询码');
    }
    const attempt = {
      caseId,
      queryCode: parseInput(queryCodeSchema, queryCode),
      client: clientAddress(event),
    };
    return json(200, await viewCaseAsCitizen(deps, attempt));
  };
}

export const handler = httpHandler(getCase(caseReadDependencies(), staffTokenVerifier(), staffDirectory));
