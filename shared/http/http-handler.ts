import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { CivicError } from '../domain/errors';
import { CORRELATION_HEADER, correlationId, withCorrelationId } from '../observability/correlation';
import type { StaffDirectory } from '../ports/staff-directory';
import { beginInvocation } from '../runtime/invocation';
import { logger } from '../runtime/logger';
import { bodyLimit } from './body-limit';
import { errorResponse } from './error-response';
import type { HttpEvent } from './http-event';
import type { HttpResult } from './responses';
import { authorizeRoute } from './route-authorization';
import { checkStaffAccount, refuseStaffClaims } from './staff-account-check';

export type RouteLogic = (event: HttpEvent, context: Context) => Promise<HttpResult>;

export interface HttpHandlerOptions {
  /** Routes that take a JSON body parse it; GET routes do not. */
  readonly jsonBody?: boolean;
  /** Routes of another standard (Open311) answer errors in its shape; the rest in DOMAIN.md's. */
  readonly renderError?: (error: CivicError, event: APIGatewayProxyEventV2) => HttpResult;
  /**
   * Staff routes (behind the JWT authorizer) check each request against the staff directory; see
   * staff-handler.ts. A request with staff claims reaching a handler without it is refused.
   */
  readonly staffDirectory?: () => StaffDirectory;
}

const RESPONSE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'referrer-policy': 'no-referrer',
};

/**
 * The house middleware stack for every HTTP route. The error mapper is registered last so its
 * onError runs first (middy runs onError in reverse order) and the headers still apply after it.
 */
export function httpHandler(logic: RouteLogic, options: HttpHandlerOptions = {}) {
  const chain = middy<APIGatewayProxyEventV2, HttpResult>()
    .use({ before: async () => beginInvocation() })
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(httpHeaderNormalizer())
    .use({
      after: async (request) => {
        request.response = {
          ...request.response,
          headers: { ...RESPONSE_HEADERS, ...correlationHeader(), ...request.response?.headers },
        };
      },
    });
  chain.use(
    (options.staffDirectory ? checkStaffAccount(options.staffDirectory) : refuseStaffClaims()) as never,
  );
  chain.use(authorizeRoute() as never);
  chain.use(bodyLimit());
  if (options.jsonBody) chain.use(httpJsonBodyParser());
  chain.use({
    onError: async (request) => {
      const render = options.renderError;
      const { result, unexpected } = errorResponse(
        request.error,
        render ? (known) => render(known, request.event) : undefined,
      );
      if (unexpected) logger.error('unexpected failure', request.error as Error);
      request.response = {
        ...result,
        headers: { ...RESPONSE_HEADERS, ...correlationHeader(), ...result.headers },
      };
    },
  });
  const handler = chain.handler((event, context) => logic(event as unknown as HttpEvent, context));
  // The client's own id if it sent one, else API Gateway's request id (the access log's requestId).
  return (event: APIGatewayProxyEventV2, context: Context) =>
    withCorrelationId(event.headers?.[CORRELATION_HEADER] ?? event.requestContext?.requestId, () =>
      handler(event, context),
    );
}

/** Echoed in every answer: what a citizen or a client team quotes when something went wrong. */
function correlationHeader(): Record<string, string> {
  const id = correlationId();
  return id ? { [CORRELATION_HEADER]: id } : {};
}
