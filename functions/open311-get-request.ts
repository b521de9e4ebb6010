import * as z from 'zod/mini';
import { clientAddress } from '../shared/http/client-address';
import { open311Handler, resourceId } from '../shared/http/open311-route';
import { caseIdSchema } from '../shared/http/path-schemas';
import { parseInput } from '../shared/http/validation';
import { geoReportResult, XML_SHAPES } from '../shared/open311/georeport-format';
import { serviceRequestReadDependencies } from '../shared/runtime/dependencies';
import { readServiceRequest } from '../shared/use-cases/open311-requests';

const queryCodeSchema = z.optional(
  z.string().check(z.trim(), z.minLength(1, '请提供查询码'), z.maxLength(32)),
);

/**
 * GET /open311/v2/requests/{service_request_id}.{json,xml} — a published request; with the case's
 * query code in X-Query-Code, the citizen's own request whatever its state.
 */
export const handler = open311Handler(async (event, format) => {
  const caseId = parseInput(caseIdSchema, resourceId(event.pathParameters?.requestFile));
  const queryCode = parseInput(queryCodeSchema, event.headers['x-query-code']);
  const request = await readServiceRequest(serviceRequestReadDependencies(), {
    caseId,
    ...(queryCode ? { queryCode } : {}),
    client: clientAddress(event),
  });
  return geoReportResult(format, 200, XML_SHAPES.requests, request);
});
