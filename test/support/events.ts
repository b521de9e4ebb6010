import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { lambdaContext } from '../../infra/local/lambda-context';
import { PROJECT_ROOT } from '../../infra/project-paths';
import { inTestShape } from './identity-shape';

/** A sample event from events/, the same file `npm run invoke` uses, with parts replaced. */
export function sampleEvent(
  name: string,
  changes: {
    body?: unknown;
    headers?: Record<string, string>;
    pathParameters?: Record<string, string>;
    sourceIp?: string;
  } = {},
): APIGatewayProxyEventV2 {
  const event = JSON.parse(
    readFileSync(join(PROJECT_ROOT, 'events', `${name}.json`), 'utf8'),
  ) as APIGatewayProxyEventV2;
  return {
    ...event,
    headers: { ...event.headers, ...changes.headers },
    ...(changes.body !== undefined
      ? { body: typeof changes.body === 'string' ? changes.body : JSON.stringify(changes.body) }
      : {}),
    ...(changes.pathParameters ? { pathParameters: changes.pathParameters } : {}),
    requestContext: {
      ...event.requestContext,
      ...claimsInTestShape(event.requestContext),
      requestId: `${event.requestContext.requestId}-${Math.random().toString(36).slice(2)}`,
      http: { ...event.requestContext.http, ...(changes.sourceIp ? { sourceIp: changes.sourceIp } : {}) },
    },
  };
}

/** A staff event's authorizer claims (written in Cognito's shape) as this run's shape has them. */
function claimsInTestShape(context: APIGatewayProxyEventV2['requestContext']) {
  const { authorizer } = context as { authorizer?: { jwt?: { claims?: Record<string, string> } } };
  const claims = authorizer?.jwt?.claims;
  return claims
    ? { authorizer: { ...authorizer, jwt: { ...authorizer.jwt, claims: inTestShape(claims) } } }
    : {};
}

/** The body of a sample event, parsed, for tests that vary one field. */
export function sampleBody(name: string): Record<string, unknown> {
  return JSON.parse(sampleEvent(name).body ?? '{}') as Record<string, unknown>;
}

export type Handler = (event: unknown, context: Context) => Promise<unknown>;

export interface Invocation {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Record<string, unknown>;
}

/** Invokes a real handler as Lambda would, and reads its HTTP result. */
export async function invoke(handler: Handler, event: unknown, functionName = 'test'): Promise<Invocation> {
  const result = (await handler(
    event,
    lambdaContext(functionName, 10_000),
  )) as APIGatewayProxyStructuredResultV2;
  return {
    status: result.statusCode ?? 200,
    headers: (result.headers ?? {}) as Record<string, string>,
    body: JSON.parse(result.body ?? '{}') as Record<string, unknown>,
  };
}
