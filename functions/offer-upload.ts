import { clientAddress } from '../shared/http/client-address';
import type { HttpEvent } from '../shared/http/http-event';
import { httpHandler } from '../shared/http/http-handler';
import { json } from '../shared/http/responses';
import { uploadRequestSchema } from '../shared/http/upload-schemas';
import { parseInput } from '../shared/http/validation';
import { uploadOfferDependencies } from '../shared/runtime/dependencies';
import { offerUpload, type UploadOfferDependencies } from '../shared/use-cases/attach-files';

/** POST /v1/uploads — a form to upload one file (photo or PDF) straight to the attachment bucket. */
export function offerUploadRoute(deps: UploadOfferDependencies) {
  return async (event: HttpEvent) =>
    json(201, await offerUpload(deps, parseInput(uploadRequestSchema, event.body), clientAddress(event)));
}

export const handler = httpHandler(offerUploadRoute(uploadOfferDependencies()), { jsonBody: true });
