import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { contentSecurityPolicy, LOCAL_SITE_CONFIG, type SiteConfig } from '../../shared/contract/site-config';
import type { LocalEndpoint } from './local-api-server';

/**
 * The security headers CloudFront adds in the cloud, so the pages are tested under the same CSP;
 * `connect` is what the pages call besides their own origin (the S3 stand-in they upload files to).
 */
function pageHeaders(connect: readonly string[]) {
  return {
    'content-security-policy': contentSecurityPolicy(connect),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
  };
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/**
 * The pages on the API's origin, as CloudFront serves them in the cloud: the citizen H5 at `/`,
 * the staff console at `/console/`, their hashed assets under `/assets/`, and `/config.json` (the
 * local answer to what a CloudFront Function answers in the cloud). Nothing else is theirs.
 */
export function webPagesEndpoint(
  buildDir: string,
  connect: readonly string[],
  siteConfig: SiteConfig = LOCAL_SITE_CONFIG,
): LocalEndpoint {
  const headers = pageHeaders(connect);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname === '/config.json') {
      return {
        status: 200,
        body: JSON.stringify(siteConfig),
        contentType: 'application/json; charset=utf-8',
        headers: { 'cache-control': 'no-cache' },
      };
    }
    const page =
      pathname === '/' || pathname === '/index.html'
        ? 'index.html'
        : pathname === '/console' || pathname.startsWith('/console/')
          ? pathname.startsWith('/console/assets/')
            ? undefined
            : 'console/index.html'
          : pathname.startsWith('/assets/')
            ? pathname.slice(1)
            : undefined;
    if (!page) return undefined;
    const file = normalize(join(buildDir, page));
    if (!file.startsWith(buildDir) || !existsSync(file))
      return { status: 404, body: { message: 'Not Found' } };
    return {
      status: 200,
      body: readFileSync(file),
      contentType: TYPES[extname(file)] ?? 'application/octet-stream',
      headers,
    };
  };
}
