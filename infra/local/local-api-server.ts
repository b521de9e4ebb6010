import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { type RouteDefinition, routeKey } from '../../shared/functions/route-table';
import { apiGatewayEvent } from './api-gateway-event';
import type { LocalCors } from './function-environment';
import type { Authorization } from './jwt-authorizer';
import { lambdaContext } from './lambda-context';
import { LocalStackError } from './local-stack-error';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

export interface ServedRoute {
  readonly route: RouteDefinition;
  readonly handler: LambdaHandler;
  /** The function's timeout, from its synthesized definition. */
  readonly timeoutMs: number;
}

/** A local-only endpoint (/local/…): never part of the synthesized stack. */
export type LocalEndpoint = (request: IncomingMessage, body: Buffer) => Promise<LocalReply | undefined>;
export interface LocalReply {
  readonly status: number;
  readonly body: unknown;
  /** Set for a page or a file: the body (string or Buffer) is sent as it is. */
  readonly contentType?: string;
  /** Further response headers (a page's security headers). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface LocalApiServerOptions {
  readonly host: string;
  readonly port: number;
  readonly routes: readonly ServedRoute[];
  readonly authorize: (header: string | undefined) => Promise<Authorization>;
  readonly localEndpoints: readonly LocalEndpoint[];
  /** The API's CORS setting (from the template; CIVICLINE_CORS_ORIGINS adds local origins). */
  readonly cors?: LocalCors;
}

/** API Gateway's own limit on a request payload. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

interface CompiledRoute extends ServedRoute {
  readonly pattern: RegExp;
}

/** Serves the route table the way API Gateway would: route match, JWT authorizer, v2 event, Lambda result. */
export async function startLocalApiServer(
  options: LocalApiServerOptions,
): Promise<{ url: string; server: Server }> {
  const compiled: CompiledRoute[] = options.routes.map((served) => ({
    ...served,
    pattern: pathPattern(served.route.path),
  }));
  const server = createServer((request, response) => {
    serve(request, response, compiled, options).catch((error) => {
      console.error('local server failure', error);
      if (!response.headersSent) send(response, 500, { message: 'Internal Server Error' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new LocalStackError(
              `Port ${options.port} on ${options.host} is already in use. Stop the other process or choose another port, e.g. PORT=${options.port + 1} npm start`,
            )
          : error,
      ),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { url: `http://${options.host}:${port}`, server };
}

async function serve(
  request: IncomingMessage,
  response: ServerResponse,
  routes: readonly CompiledRoute[],
  options: LocalApiServerOptions,
): Promise<void> {
  const cors = corsHeaders(request, options.cors);
  for (const [name, value] of Object.entries(cors)) response.setHeader(name, value);
  if (request.method === 'OPTIONS' && cors['access-control-allow-origin']) {
    response.writeHead(204);
    response.end();
    return;
  }
  const body = await readBody(request);
  if (body === 'too-large') return send(response, 413, { message: 'Request Entity Too Large' });
  for (const endpoint of options.localEndpoints) {
    const reply = await endpoint(request, body);
    if (reply?.contentType) {
      response.writeHead(reply.status, { ...reply.headers, 'content-type': reply.contentType });
      response.end(reply.body as string | Buffer);
      return;
    }
    if (reply) return send(response, reply.status, reply.body);
  }
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const match = findRoute(routes, request.method ?? 'GET', path);
  if (match === 'malformed') {
    // API Gateway refuses a path it cannot decode before any function runs.
    return send(response, 400, {
      error: { code: 'MALFORMED_PATH', message: '请求地址的编码有误，请检查后重试', details: [] },
    });
  }
  if (!match) return send(response, 404, { message: 'Not Found' });
  const { served, pathParameters } = match;
  let authorizer: { claims: Record<string, string>; scopes: string[] } | undefined;
  if (served.route.access === 'staff') {
    const result = await options.authorize(request.headers.authorization);
    if (!result.ok) {
      return send(response, result.status, { message: result.status === 403 ? 'Forbidden' : 'Unauthorized' });
    }
    authorizer = { claims: result.claims, scopes: result.scopes };
  }
  const event = apiGatewayEvent({
    request,
    body,
    routeKey: routeKey(served.route),
    pathParameters,
    authorizer,
  });
  const context = lambdaContext(served.route.functionName, served.timeoutMs);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), served.timeoutMs);
  });
  try {
    const result = await Promise.race([served.handler(event, context), timedOut]);
    if (result === 'timeout') return send(response, 503, { message: 'Service Unavailable' });
    writeLambdaResult(response, result);
  } catch (error) {
    console.error(`function ${served.route.functionName} failed`, error);
    send(response, 500, { message: 'Internal Server Error' });
  } finally {
    clearTimeout(timer);
  }
}

function findRoute(routes: readonly CompiledRoute[], method: string, path: string) {
  for (const served of routes) {
    if (served.route.method !== method) continue;
    const match = served.pattern.exec(path);
    if (match) {
      try {
        const pathParameters = Object.fromEntries(
          Object.entries(match.groups ?? {}).map(([name, value]) => [name, decodeURIComponent(value)]),
        );
        return { served, pathParameters };
      } catch (error) {
        if (error instanceof URIError) return 'malformed' as const;
        throw error;
      }
    }
  }
  return undefined;
}

function pathPattern(path: string): RegExp {
  const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)');
  return new RegExp(`^${source}$`);
}

/** What API Gateway's CORS configuration adds: only for an allowed origin, nothing otherwise. */
function corsHeaders(request: IncomingMessage, cors: LocalCors | undefined): Record<string, string> {
  const origin = request.headers.origin;
  if (!cors || !origin || !cors.origins.includes(origin)) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': cors.methods.join(','),
    'access-control-allow-headers': cors.headers.join(','),
    'access-control-max-age': String(cors.maxAgeSeconds),
    vary: 'origin',
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAYLOAD_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** API Gateway's reading of a Lambda result (payload format 2.0). */
function writeLambdaResult(response: ServerResponse, result: unknown): void {
  const structured = result as APIGatewayProxyStructuredResultV2 | undefined;
  if (!structured || typeof structured !== 'object' || structured.statusCode === undefined) {
    send(response, 200, result ?? null);
    return;
  }
  const body = structured.body ?? '';
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(structured.headers ?? {}))
    headers[name.toLowerCase()] = String(value);
  if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
  response.writeHead(structured.statusCode, headers);
  response.end(structured.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
