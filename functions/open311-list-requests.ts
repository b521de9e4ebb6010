import { open311Handler } from '../shared/http/open311-route';
import { parseInput } from '../shared/http/validation';
import { geoReportResult, XML_SHAPES } from '../shared/open311/georeport-format';
import { geoReportListQuerySchema } from '../shared/open311/georeport-schemas';
import { clock, publicationDependencies } from '../shared/runtime/dependencies';
import { listServiceRequests } from '../shared/use-cases/open311-requests';

/** GET /open311/v2/requests.{json,xml} — published requests, redacted as the public listing. */
export const handler = open311Handler(async (event, format) => {
  const query = parseInput(geoReportListQuerySchema, event.queryStringParameters ?? {});
  const requests = await listServiceRequests(publicationDependencies(), query, clock().now());
  return geoReportResult(format, 200, XML_SHAPES.requests, requests);
});
