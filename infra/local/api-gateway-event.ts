import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';

/** What API Gateway knows of a request when it invokes the route's function. */
export interface GatewayRequest {
  readonly request: IncomingMessage;
  readonly body: Buffer;
  readonly routeKey: string;
  readonly pathParameters: Record<string, string>;
  readonly authorizer?: { claims: Record<string, string>; scopes: string[] | null };
}

const TEXT_TYPES = /^(text\/|application\/(json|xml|x-www-form-urlencoded|[\w.+-]+\+json))/i;

/** Builds the HTTP API payload format 2.0 event, field by field as API Gateway fills it. */
export function apiGatewayEvent(input: GatewayRequest): APIGatewayProxyEventV2WithJWTAuthorizer {
  const { request } = input;
  const url = new URL(request.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    if (name === 'cookie') cookies.push(...String(value).split(/;\s*/));
    else headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = query[name] ? `${query[name]},${value}` : value;
  const now = new Date();
  const contentType = headers['content-type'] ?? '';
  const isText = input.body.length === 0 || TEXT_TYPES.test(contentType);
  return {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(url.search ? { queryStringParameters: query } : {}),
    ...(Object.keys(input.pathParameters).length > 0 ? { pathParameters: input.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        // The address API Gateway would report: the socket's peer, never a client-set header.
        sourceIp: normalizeIp(request.socket.remoteAddress),
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: input.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: input.authorizer
        ? {
            principalId: '',
            integrationLatency: 0,
            jwt: { claims: input.authorizer.claims, scopes: input.authorizer.scopes ?? [] },
          }
        : (undefined as never),
    },
    ...(input.body.length > 0
      ? { body: isText ? input.body.toString('utf8') : input.body.toString('base64') }
      : {}),
    isBase64Encoded: !isText,
  };
}

function normalizeIp(address: string | undefined): string {
  if (!address) return '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
