import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/project-paths';
import { ALL_FUNCTIONS, ROUTES } from '../../shared/functions/route-table';
import { invoke, sampleEvent } from '../support/events';
import { inTestShape } from '../support/identity-shape';
import { functionHandler } from '../support/isolated-functions';
import { useLocalEnvironment } from '../support/local-environment';
import { type LocalWorkflow, useLocalWorkflow } from '../support/local-workflow';
import { issueTestToken } from '../support/test-tokens';

/** Every sample in events/ is what `npm run invoke` feeds its function: each must run without a 5xx. */
const FUNCTIONS = new Set(ALL_FUNCTIONS.map((f) => f.functionName));
const samples = readdirSync(join(PROJECT_ROOT, 'events'))
  .map((file) => file.replace(/\.json$/, ''))
  .filter((name) => FUNCTIONS.has(name));

let workflow: LocalWorkflow;

beforeAll(async () => {
  await useLocalEnvironment(inject('dynamoDbEndpoint'), inject('synthesizedApp'));
  workflow = await useLocalWorkflow(inject('synthesizedApp'));
  await issueTestToken(inTestShape({ username: 'dispatcher1', 'cognito:groups': '[dispatcher]' }));
});

afterAll(async () => {
  await workflow?.close();
});

describe('the sample events', () => {
  it('cover every HTTP route', () => {
    for (const route of ROUTES) expect(samples, route.functionName).toContain(route.functionName);
  });

  it.each(samples)('%s runs its function without a server error', async (name) => {
    // Loaded and run as its function: only the tables and settings its definition declares.
    const handler = await functionHandler(name);
    const isHttp = ROUTES.some((route) => route.functionName === name);
    if (isHttp) {
      expect((await invoke(handler, sampleEvent(name), name)).status).toBeLessThan(500);
    } else {
      const { readFileSync } = await import('node:fs');
      const event = JSON.parse(readFileSync(join(PROJECT_ROOT, 'events', `${name}.json`), 'utf8'));
      await expect(
        handler(event, (await import('../../infra/local/lambda-context')).lambdaContext(name, 10_000)),
      ).resolves.toBeDefined();
    }
  });
});
