/**
 * The CloudFront Function in front of the pages (viewer request), as source text. Both apps route
 * by the URL's hash, so a path without a file extension is a page: under `/console` it is the
 * console's index.html, anywhere else the citizen app's (the SPA fallback of each app).
 * `/config.json` is answered here from values CloudFormation fills in at deploy, so the pages need
 * no rebuild per environment and no deployment function writes a file.
 *
 * `siteConfigJson` is JSON text (it may hold CDK tokens that resolve to strings at deploy).
 */
export function siteRequestFunctionCode(siteConfigJson: string): string {
  return `var SITE_CONFIG = ${siteConfigJson};
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri === '/config.json') {
    return {
      statusCode: 200,
      statusDescription: 'OK',
      headers: {
        'content-type': { value: 'application/json; charset=utf-8' },
        'cache-control': { value: 'no-cache' }
      },
      body: { encoding: 'text', data: JSON.stringify(SITE_CONFIG) }
    };
  }
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    request.uri = uri === '/console' || uri.indexOf('/console/') === 0 ? '/console/index.html' : '/index.html';
  }
  return request;
}
`;
}
