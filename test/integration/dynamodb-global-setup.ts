import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { synthesizeApp } from '../../infra/local/synthesized-app';
import { CACHE_DIR } from '../../infra/project-paths';
import type { SerializedApp } from '../support/local-environment';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
    synthesizedApp: SerializedApp;
  }
}

/** One in-memory DynamoDB Local and one synthesis for the whole integration run; each test file makes its own tables. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal({ cacheDir: CACHE_DIR });
  const app = synthesizeApp();
  project.provide('dynamoDbEndpoint', dynamo.endpoint);
  project.provide('synthesizedApp', {
    data: app.data,
    api: app.api,
    tableLogicalIds: app.tableLogicalIds,
    functionLogicalIds: [...app.functionLogicalIds],
  });
  return () => dynamo.stop();
}
