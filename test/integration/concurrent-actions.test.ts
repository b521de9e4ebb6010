import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Case } from '../../shared/domain/case';
import type { CaseStore } from '../../shared/ports/case-store';
import { type Handler, invoke, sampleEvent } from '../support/events';
import { inTestShape } from '../support/identity-shape';
import { functionHandler } from '../support/isolated-functions';
import { useLocalEnvironment } from '../support/local-environment';
import { type LocalWorkflow, useLocalWorkflow } from '../support/local-workflow';

let submitLetter: Handler;
let actWithSlowReads: Handler;
let store: CaseStore;

const dispatcherClaims = inTestShape({ username: 'dispatcher1', 'cognito:groups': '[dispatcher]' });

function actionEvent(caseId: string, body: unknown) {
  const event = sampleEvent('get-staff-profile', { body, headers: { 'content-type': 'application/json' } });
  return {
    ...event,
    routeKey: 'POST /v1/cases/{caseId}/actions',
    pathParameters: { caseId },
    requestContext: {
      ...event.requestContext,
      authorizer: { jwt: { claims: dispatcherClaims, scopes: [] } },
    },
  };
}

let workflow: LocalWorkflow;

afterAll(async () => {
  await workflow?.close();
});

beforeAll(async () => {
  await useLocalEnvironment(inject('dynamoDbEndpoint'), inject('synthesizedApp'));
  workflow = await useLocalWorkflow(inject('synthesizedApp'));
  submitLetter = await functionHandler('submit-letter');
  const { actOnCase } = await import('../../functions/act-on-case');
  const { staffHandler } = await import('../../shared/http/staff-handler');
  const runtime = {
    ...(await import('../../shared/runtime/dependencies')),
    ...(await import('../../shared/runtime/write-dependencies')),
  };
  store = runtime.caseStore();
  // Failure injection: every read waits, so two concurrent actions both read the same version.
  const slowStore: CaseStore = {
    ...store,
    get: async (caseId: string): Promise<Case | undefined> => {
      const found = await store.get(caseId);
      await new Promise((resolve) => setTimeout(resolve, 150));
      return found;
    },
  };
  actWithSlowReads = staffHandler(
    actOnCase({
      ...runtime.lifecycleDependencies(),
      store: slowStore,
      idempotency: runtime.idempotency(),
      files: runtime.attachmentFiles(),
    }),
    { jsonBody: true },
  ) as Handler;
});

describe('two staff acting on one case at the same moment', () => {
  it('lets exactly one win; the other gets 409 STALE_VERSION and nothing of it is written', async () => {
    const { caseId } = (await invoke(submitLetter, sampleEvent('submit-letter'))).body as { caseId: string };
    const [a, b] = await Promise.all([
      invoke(
        actWithSlowReads,
        actionEvent(caseId, { type: 'transfer', departmentId: 'dept-housing', instructions: '甲' }),
      ),
      invoke(actWithSlowReads, actionEvent(caseId, { type: 'reject', reason: '乙' })),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error).toMatchObject({
      code: 'STALE_VERSION',
      message: expect.stringMatching(/[\u4e00-\u9fa5]/),
    });
    const stored = await store.get(caseId);
    expect(stored?.version).toBe(2);
    expect(stored?.timeline).toHaveLength(2);
    expect(stored?.status).toBe((a.status === 200 ? a : b).body.status);
  });
});
