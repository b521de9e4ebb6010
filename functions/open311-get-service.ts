import { CivicError } from '../shared/domain/errors';
import { open311Handler, resourceId } from '../shared/http/open311-route';
import { geoReportResult, XML_SHAPES } from '../shared/open311/georeport-format';
import { GEOREPORT_ATTRIBUTES, isServiceCode } from '../shared/open311/services';

/** GET /open311/v2/services/{service_code}.{json,xml} — the attributes a request of that service takes. */
export const handler = open311Handler(async (event, format) => {
  const code = resourceId(event.pathParameters?.serviceFile);
  if (!isServiceCode(code)) throw new CivicError(404, 'UNKNOWN_SERVICE', `没有服务代码 ${code.slice(0, 32)}`);
  return geoReportResult(format, 200, XML_SHAPES.serviceDefinition, {
    service_code: code,
    attributes: GEOREPORT_ATTRIBUTES,
  });
});
