import { OPEN311_BASE } from '../shared/functions/route-table';
import { open311Handler } from '../shared/http/open311-route';
import { geoReportResult, XML_SHAPES } from '../shared/open311/georeport-format';

/** When this endpoint's description last changed (the spec's `changeset`). */
const CHANGESET = '2026-12-02T00:00:00+08:00';

/** GET /open311/v2/discovery.{json,xml} — where GeoReport v2 is served and in which formats. */
export const handler = open311Handler(async (event, format) => {
  const host = event.headers.host ?? event.requestContext.domainName;
  const proto = event.headers['x-forwarded-proto'] ?? 'https';
  return geoReportResult(format, 200, XML_SHAPES.discovery, {
    changeset: CHANGESET,
    contact: '12345政务服务便民热线',
    key_service: 'api_key 由管理员签发：POST /v1/open311/keys',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${proto}://${host}${OPEN311_BASE}`,
        changeset: CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  });
});
