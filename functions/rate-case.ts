import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { CivicError } from '../shared/domain/errors';
import { citizenRatingSchema } from '../shared/http/action-schemas';
import { clientAddress } from '../shared/http/client-address';
import type { HttpEvent } from '../shared/http/http-event';
import { httpHandler } from '../shared/http/http-handler';
import { caseIdSchema } from '../shared/http/path-schemas';
import { onceRequest } from '../shared/http/request-context';
import { json } from '../shared/http/responses';
import { parseInput } from '../shared/http/validation';
import { citizenRatingDependencies } from '../shared/runtime/write-dependencies';
import { type CitizenRatingDependencies, rateCaseAsCitizen } from '../shared/use-cases/rate-case-as-citizen';

/** POST /v1/cases/{caseId}/rating — the citizen rates the reply, with the X-Query-Code header. */
export function rateCase(deps: CitizenRatingDependencies) {
  return async (event: HttpEvent, context: Context) => {
    const queryCode = event.headers['x-query-code'];
    if (queryCode === undefined)
      throw new CivicError(401, 'QUERY_CODE_REQUIRED', '请在 X-Query-Code 请求头中提供查询码');
    const caseId = parseInput(caseIdSchema, event.pathParameters?.caseId);
    const code = parseInput(
      z.string().check(z.trim(), z.minLength(1, '请提供查询码'), z.maxLength(32)),
      queryCode,
    );
    const rating = parseInput(citizenRatingSchema, event.body);
    const view = await rateCaseAsCitizen(deps, {
      attempt: { caseId, queryCode: code, client: clientAddress(event) },
      rating,
      once: onceRequest(event, context, event.body),
    });
    return json(200, view);
  };
}

export const handler = httpHandler(rateCase(citizenRatingDependencies()), { jsonBody: true });
