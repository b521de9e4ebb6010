import type { S3Client } from '@aws-sdk/client-s3';
import { withUsageMetering } from '../adapters/usage-meter';

let s3: Promise<S3Client> | undefined;

/**
 * S3, for the functions that sign, inspect or copy attachments only, loaded at first use: most
 * letters carry no file, and the S3 client is not what their cold start should wait for. Locally
 * AWS_ENDPOINT_URL_S3 points at the S3 stand-in, addressed by path (`http://127.0.0.1:port/bucket`),
 * as it has no DNS name per bucket.
 */
export function s3Client(): Promise<S3Client> {
  s3 ??= import('@aws-sdk/client-s3').then(({ S3Client }) =>
    withUsageMetering(new S3Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3) }), 's3'),
  );
  return s3;
}
