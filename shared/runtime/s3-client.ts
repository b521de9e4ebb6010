import { S3Client } from '@aws-sdk/client-s3';
import { withUsageMetering } from '../adapters/usage-meter';

let s3: S3Client | undefined;

/**
 * S3, for the functions that sign, inspect or copy attachments only (a module of its own so that
 * no other function loads the S3 client). Locally AWS_ENDPOINT_URL_S3 points at the local
 * S3-compatible server, addressed by path (`http://127.0.0.1:port/bucket`), as it has no DNS
 * names per bucket.
 */
export function s3Client(): S3Client {
  s3 ??= withUsageMetering(new S3Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3) }), 's3');
  return s3;
}
