import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** An API Gateway HTTP API event whose JSON body has been parsed (still unvalidated). */
export type HttpEvent = Omit<APIGatewayProxyEventV2, 'body'> & { body?: unknown };
