import type { HttpEvent } from '../shared/http/http-event';
import { httpHandler } from '../shared/http/http-handler';
import { publicCaseListQuerySchema } from '../shared/http/list-schemas';
import { json } from '../shared/http/responses';
import { parseInput } from '../shared/http/validation';
import { publicListingDependencies } from '../shared/runtime/dependencies';
import type { AttachmentReading } from '../shared/use-cases/attach-files';
import { listPublishedCases, type PublicationDependencies } from '../shared/use-cases/list-published-cases';

/** GET /v1/public/cases — published letters and replies (公开信件), with personal data removed. */
export function listPublicCases(deps: PublicationDependencies & AttachmentReading) {
  return async (event: HttpEvent) => {
    const query = parseInput(publicCaseListQuerySchema, event.queryStringParameters ?? {});
    return json(200, await listPublishedCases(deps, query));
  };
}

export const handler = httpHandler(listPublicCases(publicListingDependencies()));
