import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocalStreamMappings } from '../../infra/local/stream-mappings';
import { type Handler, invoke, sampleEvent } from '../support/events';
import { inTestShape } from '../support/identity-shape';
import { functionHandler } from '../support/isolated-functions';
import { type LocalEnvironment, storedNotice, useLocalEnvironment } from '../support/local-environment';
import { useLocalStreams } from '../support/local-streams';
import { type LocalWorkflow, useLocalWorkflow } from '../support/local-workflow';

/**
 * Correlation ids where there is no X-Ray (issue 15, the China stack): the id of the request that
 * changed a case follows it into the stored items, the workflow steps that change woke and the
 * stream consumers that counted it and sent its notices — every log line of that work carries it.
 */
let env: LocalEnvironment;
let workflow: LocalWorkflow;
let streams: LocalStreamMappings;
let submitLetter: Handler;
let actOnCase: Handler;
const lines: Record<string, unknown>[] = [];
const write = process.stdout.write.bind(process.stdout);

beforeAll(async () => {
  env = await useLocalEnvironment(inject('dynamoDbEndpoint'), inject('synthesizedApp'));
  // What the functions log at INFO, as on Lambda (set before any of them loads its logger).
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
  workflow = await useLocalWorkflow(inject('synthesizedApp'));
  streams = await useLocalStreams(inject('dynamoDbEndpoint'), env);
  submitLetter = await functionHandler('submit-letter');
  actOnCase = await functionHandler('act-on-case');
  // What the functions log, as CloudWatch would get it (one JSON object per line).
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    for (const line of String(chunk).split('\n')) {
      if (line.startsWith('{"level"')) lines.push(JSON.parse(line) as Record<string, unknown>);
      else if (line) write(`${line}\n`, ...rest);
    }
    return true;
  }) as typeof process.stdout.write;
});

afterAll(async () => {
  process.stdout.write = write;
  await streams?.stop();
  await workflow?.close();
});

const DISPATCHER = inTestShape({ username: 'dispatcher1', 'cognito:groups': '[dispatcher]' });

/**
 * The line each function writes when its part of a change is done. A function is known by its line,
 * not by `function_name`: this one test process runs every function with one shared logger, whose
 * Lambda context is the last invocation's, so a concurrent invocation relabels it (on Lambda a
 * process serves one function).
 */
const WORK_DONE = {
  'await-case-step': 'await-case-step done',
  'deliver-notifications': 'notice handed on',
  'aggregate-statistics': 'case versions counted',
} as const;

/** The lines of one change's work: under its id, or under a batch's that names it among several. */
const linesOf = (correlationId: string) =>
  lines.filter(
    (line) =>
      line.correlation_id === correlationId ||
      (Array.isArray(line.correlationIds) && line.correlationIds.includes(correlationId)),
  );

async function waitFor(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('a request’s correlation id', () => {
  it('is the client’s own when it sends one, echoed in the answer and kept on what it stored', async () => {
    const reply = await invoke(
      submitLetter,
      sampleEvent('submit-letter', { headers: { 'x-correlation-id': 'miniprogram-req-0001' } }),
    );
    expect(reply.status).toBe(201);
    expect(reply.headers['x-correlation-id']).toBe('miniprogram-req-0001');
    const { caseId } = reply.body as { caseId: string };
    const stored = await env.documents.send(
      new GetCommand({ TableName: env.tableName('letters'), Key: { caseId } }),
    );
    expect(stored.Item?.correlationId).toBe('miniprogram-req-0001');
  });

  it('is API Gateway’s request id otherwise, and an id not plain enough is replaced', async () => {
    const event = sampleEvent('submit-letter');
    const reply = await invoke(submitLetter, event);
    expect(reply.headers['x-correlation-id']).toBe(event.requestContext.requestId);
    const odd = await invoke(
      submitLetter,
      sampleEvent('submit-letter', { headers: { 'x-correlation-id': '{"injected": "log line"}' } }),
    );
    expect(odd.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('follows a transfer into its notice, the workflow step it wakes and both stream consumers', async () => {
    const { caseId } = (await invoke(submitLetter, sampleEvent('submit-letter'))).body as { caseId: string };
    // The case's workflow waits in triage (its token recorded, and the step's own look at the case
    // over) before the dispatcher acts: a transfer landing between the two would be the step's own
    // finding, and wake the next step under the submission's id.
    const triageAwaited = () =>
      lines.some((line) => line.message === WORK_DONE['await-case-step'] && line.caseId === caseId);
    let waiting = false;
    await waitFor(() => {
      void env.documents
        .send(new GetCommand({ TableName: env.tableName('workflowTasks'), Key: { caseId } }))
        .then((out) => {
          waiting = out.Item !== undefined;
        });
      return waiting && triageAwaited();
    });
    expect(waiting).toBe(true);
    expect(triageAwaited()).toBe(true);
    const transferEvent = sampleEvent('act-on-case', {
      body: { type: 'transfer', departmentId: 'dept-housing', instructions: '请核实处理' },
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'dispatch-req-0002' },
      pathParameters: { caseId },
    });
    const transfer = await invoke(actOnCase, {
      ...transferEvent,
      requestContext: {
        ...transferEvent.requestContext,
        authorizer: { jwt: { claims: DISPATCHER, scopes: [] } },
      },
    });
    expect(transfer.status).toBe(200);
    const functionsOf = () =>
      new Set(
        linesOf('dispatch-req-0002').flatMap((line) =>
          Object.entries(WORK_DONE).flatMap(([name, message]) => (line.message === message ? [name] : [])),
        ),
      );
    await waitFor(() =>
      ['await-case-step', 'deliver-notifications', 'aggregate-statistics'].every((name) =>
        functionsOf().has(name),
      ),
    );
    await streams.drained();
    // The notice carries it, as the record its stream consumer read.
    const notice = await storedNotice(env, caseId, 'transferred');
    expect(notice?.correlationId).toBe('dispatch-req-0002');
    // The case view a staff member reads does not carry it: it is the record's, not the case's.
    const { fromCaseItem } = await import('../../shared/adapters/case-item');
    const stored = await env.documents.send(
      new GetCommand({ TableName: env.tableName('letters'), Key: { caseId } }),
    );
    expect(stored.Item?.correlationId).toBe('dispatch-req-0002');
    expect(fromCaseItem(stored.Item ?? {})).not.toHaveProperty('correlationId');
    expect([...functionsOf()].sort()).toEqual(
      expect.arrayContaining(['aggregate-statistics', 'await-case-step', 'deliver-notifications']),
    );
  });
});
