import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { bucketCors, startLocalS3 } from '../../infra/local/local-s3';
import { type SerializedApp, serializeApp } from '../../infra/local/presynthesized-app';
import { synthesizeApp } from '../../infra/local/synthesized-app';
import { CACHE_DIR } from '../../infra/project-paths';
import { TEST_IDENTITY } from '../support/identity-shape';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
    synthesizedApp: SerializedApp;
    /** The S3 stand-in with the attachment bucket every test file shares (keys are random). */
    localS3: { endpoint: string; bucket: string };
  }
}

/**
 * One in-memory DynamoDB Local, one S3 stand-in and one synthesis for the whole integration run;
 * each test file makes its own tables.
 */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal({ cacheDir: CACHE_DIR });
  // The China variant where the run uses the identity platform's tokens (CIVICLINE_IDENTITY=oidc).
  const app = synthesizeApp({ identity: TEST_IDENTITY });
  const bucket = 'civicline-test-attachments';
  const s3 = await startLocalS3({
    directory: mkdtempSync(join(tmpdir(), 'civicline-s3-')),
    bucket,
    cors: bucketCors(app.data, app.attachmentBucketLogicalId),
    origins: ['*'],
    host: '127.0.0.1',
  });
  project.provide('localS3', { endpoint: s3.endpoint, bucket });
  project.provide('dynamoDbEndpoint', dynamo.endpoint);
  project.provide('synthesizedApp', serializeApp(app));
  return async () => {
    await s3.stop();
    await dynamo.stop();
  };
}
