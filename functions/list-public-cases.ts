import * as z from 'zod';
import { CASE_KINDS } from '../shared/domain/case-kinds';
import type { HttpEvent } from '../shared/http/http-event';
import { httpHandler } from '../shared/http/http-handler';
import { json } from '../shared/http/responses';
import { parseInput } from '../shared/http/validation';
import { publicationDependencies } from '../shared/runtime/dependencies';
import { listPublishedCases, type PublicationDependencies } from '../shared/use-cases/list-published-cases';

const querySchema = z.strictObject({
  kind: z.enum(CASE_KINDS, { error: 'kind 只能是 letter、hotline 或 consultation' }).optional(),
  limit: z.coerce.number({ error: 'limit 必须是数字' }).int().min(1).max(50).default(20),
  cursor: z.string().max(4096).optional(),
});

/** GET /v1/public/cases — published letters and replies (公开信件), with personal data removed. */
export function listPublicCases(deps: PublicationDependencies) {
  return async (event: HttpEvent) => {
    const query = parseInput(querySchema, event.queryStringParameters ?? {});
    return json(200, await listPublishedCases(deps, query));
  };
}

export const handler = httpHandler(listPublicCases(publicationDependencies()));
