import type { Context } from 'aws-lambda';
import { caseActionSchema } from '../shared/http/action-schemas';
import type { HttpEvent } from '../shared/http/http-event';
import { caseIdSchema } from '../shared/http/path-schemas';
import { onceRequest } from '../shared/http/request-context';
import { json } from '../shared/http/responses';
import { staffHandler } from '../shared/http/staff-handler';
import { staffFromEvent } from '../shared/http/staff-identity';
import { parseInput } from '../shared/http/validation';
import { caseActionDependencies } from '../shared/runtime/write-dependencies';
import { type CaseActionDependencies, performCaseAction } from '../shared/use-cases/perform-case-action';

/** POST /v1/cases/{caseId}/actions — every staff action of the lifecycle, `{ "type": … }`. */
export function actOnCase(deps: CaseActionDependencies) {
  return async (event: HttpEvent, context: Context) => {
    const actor = staffFromEvent(event);
    const caseId = parseInput(caseIdSchema, event.pathParameters?.caseId);
    const action = parseInput(caseActionSchema((await deps.rules()).limits), event.body);
    const result = await performCaseAction(deps, {
      caseId,
      action,
      actor,
      once: onceRequest(event, context, event.body),
    });
    return json(200, result);
  };
}

export const handler = staffHandler(actOnCase(caseActionDependencies()), {
  jsonBody: true,
});
