import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { API_TITLE } from '../../shared/contract/openapi-document';
import { PROJECT_ROOT } from '../project-paths';
import type { LocalEndpoint } from './local-api-server';

/** Scalar's browser bundle, from node_modules: no CDN, no font service (withDefaultFonts: false). */
const RENDERER_DIR = join(PROJECT_ROOT, 'node_modules', '@scalar', 'api-reference', 'dist', 'browser');

const PAGE = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${API_TITLE}</title>
  </head>
  <body>
    <div id="app"></div>
    <script src="/docs/assets/standalone.js"></script>
    <script>
      Scalar.createApiReference('#app', { url: '/v1/openapi.json', withDefaultFonts: false, hideClientButton: true });
    </script>
  </body>
</html>
`;

/**
 * GET /docs: the API reference, rendered in the browser from GET /v1/openapi.json by a renderer
 * kept in the project's own dependencies. Local only; in the cloud the pages' site serves it.
 */
export function apiDocsEndpoint(): LocalEndpoint {
  return async (request) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET') return undefined;
    if (pathname === '/docs' || pathname === '/docs/') {
      return { status: 200, body: PAGE, contentType: 'text/html; charset=utf-8' };
    }
    if (!pathname.startsWith('/docs/assets/')) return undefined;
    const file = normalize(join(RENDERER_DIR, pathname.slice('/docs/assets/'.length)));
    if (!file.startsWith(RENDERER_DIR) || !file.endsWith('.js') || !existsSync(file)) {
      return { status: 404, body: { message: 'Not Found' } };
    }
    return { status: 200, body: readFileSync(file), contentType: 'text/javascript; charset=utf-8' };
  };
}
