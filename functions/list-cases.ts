import { type HttpEvent, httpHandler } from '../shared/http/http-handler';
import { caseListQuerySchema } from '../shared/http/list-schemas';
import { json } from '../shared/http/responses';
import { staffFromEvent } from '../shared/http/staff-identity';
import { parseInput } from '../shared/http/validation';
import { caseStore, contactVault, keyRing } from '../shared/runtime/dependencies';
import { listCasesForStaff } from '../shared/use-cases/list-cases-for-staff';

/** GET /v1/cases — the staff case list: filters, newest first, cursor pages. */
export function listCases(deps: Parameters<typeof listCasesForStaff>[0]) {
  return async (event: HttpEvent) => {
    const actor = staffFromEvent(event);
    const query = parseInput(caseListQuerySchema, event.queryStringParameters ?? {});
    const page = await listCasesForStaff(deps, actor, {
      ...query,
      ...(query.overdue ? { overdue: query.overdue === 'true' } : {}),
    } as Parameters<typeof listCasesForStaff>[2]);
    return json(200, page);
  };
}

export const handler = httpHandler(listCases({ store: caseStore(), keys: keyRing(), vault: contactVault() }));
