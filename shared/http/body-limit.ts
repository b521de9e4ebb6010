import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { CivicError } from '../domain/errors';

/** 64 KiB is far more than a 5,000-character letter in UTF-8; anything larger is refused before parsing. */
export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

export function bodyLimit(maxBytes = DEFAULT_BODY_LIMIT_BYTES): MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: async ({ event }) => {
      if (event.body === undefined) return;
      const bytes = event.isBase64Encoded
        ? Buffer.byteLength(event.body, 'base64')
        : Buffer.byteLength(event.body, 'utf8');
      if (bytes > maxBytes) {
        throw new CivicError(
          413,
          'PAYLOAD_TOO_LARGE',
          `请求内容过大，不能超过 ${Math.floor(maxBytes / 1024)} KB`,
        );
      }
    },
  };
}
