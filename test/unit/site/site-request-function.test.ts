import { describe, expect, it } from 'vitest';
import { siteRequestFunctionCode } from '../../../infra/stateless/site-request-function';
import { LOCAL_SITE_CONFIG } from '../../../shared/contract/site-config';

interface ViewerRequest {
  uri: string;
}
interface GeneratedResponse {
  statusCode: number;
  headers: Record<string, { value: string }>;
  body: { encoding: string; data: string };
}

/** Runs the CloudFront Function's source as CloudFront would: a global `handler(event)`. */
function viewerRequest(uri: string): ViewerRequest | GeneratedResponse {
  const handler = new Function(
    `${siteRequestFunctionCode(JSON.stringify(LOCAL_SITE_CONFIG))}; return handler;`,
  )();
  return handler({ request: { uri, headers: {} } });
}

describe('the pages’ CloudFront Function', () => {
  it.each([
    ['/', '/index.html'],
    ['/letter', '/index.html'],
    ['/console', '/console/index.html'],
    ['/console/', '/console/index.html'],
    ['/console/cases', '/console/index.html'],
  ])('serves %s from its app’s index page (SPA fallback)', (uri, page) => {
    expect((viewerRequest(uri) as ViewerRequest).uri).toBe(page);
  });

  it.each(['/assets/citizen-abc.js', '/console/index.html', '/favicon.ico'])(
    'leaves the file %s alone',
    (uri) => {
      expect((viewerRequest(uri) as ViewerRequest).uri).toBe(uri);
    },
  );

  it('answers /config.json with the deployed settings, never cached', () => {
    const response = viewerRequest('/config.json') as GeneratedResponse;
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']?.value).toBe('no-cache');
    expect(JSON.parse(response.body.data)).toEqual(LOCAL_SITE_CONFIG);
  });
});
