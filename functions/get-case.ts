import * as z from 'zod';
import { CivicError } from '../shared/domain/errors';
import { type HttpEvent, httpHandler } from '../shared/http/http-handler';
import { json } from '../shared/http/responses';
import { parseInput } from '../shared/http/validation';
import { caseStore, departmentDirectory, keyRing } from '../shared/runtime/dependencies';
import { type CitizenAccessDependencies, viewCaseAsCitizen } from '../shared/use-cases/view-case-as-citizen';

const citizenLookup = z.object({
  caseId: z.string().trim().min(1).max(32),
  queryCode: z.string().trim().min(1, '请提供查询码').max(32),
});

/** GET /v1/cases/{caseId} — with the X-Query-Code header, the citizen's view of their case. */
export function getCase(deps: CitizenAccessDependencies) {
  return async (event: HttpEvent) => {
    const queryCode = event.headers['x-query-code'];
    if (queryCode === undefined) {
      throw new CivicError(401, 'QUERY_CODE_REQUIRED', '请在 X-Query-Code 请求头中提供查询码');
    }
    const lookup = parseInput(citizenLookup, { caseId: event.pathParameters?.caseId, queryCode });
    return json(200, await viewCaseAsCitizen(deps, lookup.caseId, lookup.queryCode));
  };
}

export const handler = httpHandler(
  getCase({ store: caseStore(), keys: keyRing(), departments: departmentDirectory() }),
);
