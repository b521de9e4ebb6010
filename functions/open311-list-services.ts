import { open311Handler } from '../shared/http/open311-route';
import { geoReportResult, XML_SHAPES } from '../shared/open311/georeport-format';
import { GEOREPORT_SERVICES } from '../shared/open311/services';

/** GET /open311/v2/services.{json,xml} — one service per request type (诉求类型). */
export const handler = open311Handler(async (_event, format) =>
  geoReportResult(format, 200, XML_SHAPES.services, GEOREPORT_SERVICES, {
    'cache-control': 'public, max-age=300',
  }),
);
