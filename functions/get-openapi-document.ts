import { openApiDocument } from '../shared/contract/openapi-document';
import { httpHandler } from '../shared/http/http-handler';
import { json } from '../shared/http/responses';

/** Built once per instance: the document depends only on the code deployed. */
let document: Record<string, unknown> | undefined;

/** GET /v1/openapi.json — the API's contract, OpenAPI 3.1, generated from the route table and schemas. */
export function getOpenApiDocument() {
  return async () => {
    document ??= openApiDocument('/');
    return json(200, document, { 'cache-control': 'public, max-age=300' });
  };
}

export const handler = httpHandler(getOpenApiDocument());
