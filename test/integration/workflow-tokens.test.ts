import {
  InvalidToken,
  SendTaskSuccessCommand,
  SFNClient,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Handler, invoke, sampleEvent } from '../support/events';
import { functionHandler } from '../support/isolated-functions';
import { type LocalEnvironment, useLocalEnvironment } from '../support/local-environment';
import { type LocalWorkflow, useLocalWorkflow } from '../support/local-workflow';

let env: LocalEnvironment;
let workflow: LocalWorkflow;
let submitLetter: Handler;
let sfn: SFNClient;

beforeAll(async () => {
  env = await useLocalEnvironment(inject('dynamoDbEndpoint'), inject('synthesizedApp'));
  workflow = await useLocalWorkflow(inject('synthesizedApp'));
  submitLetter = await functionHandler('submit-letter');
  sfn = new SFNClient({});
});

afterAll(async () => {
  await workflow?.close();
});

async function waitingTask(caseId: string) {
  for (let i = 0; i < 100; i += 1) {
    const item = (
      await env.documents.send(new GetCommand({ TableName: env.tableName('workflowTasks'), Key: { caseId } }))
    ).Item;
    if (item) return item as { taskToken: string; step: string; planKey: string };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no wait step registered for ${caseId}`);
}

describe('the synthesized CaseLifecycle, run locally', () => {
  it('starts with the case, named after it, and waits in triage with a recorded token', async () => {
    const { caseId } = (await invoke(submitLetter, sampleEvent('submit-letter'))).body as { caseId: string };
    const task = await waitingTask(caseId);
    expect(task.step).toBe('triage');
    expect(task.planKey).toMatch(/^submitted\|/);
    const execution = workflow.stepFunctions.list().find((e) => e.name === caseId);
    expect(execution?.status).toBe('RUNNING');
  });

  it('tries a wait step again when its function fails, instead of failing the execution', async () => {
    // What await-case-step throws when DynamoDB throttled it past the SDK's own retries.
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'ProvisionedThroughputExceededException',
    });
    workflow.failNext('await-case-step', throttled);
    const { caseId } = (await invoke(submitLetter, sampleEvent('submit-letter'))).body as { caseId: string };
    const task = await waitingTask(caseId);
    expect(task.step).toBe('triage');
    const execution = workflow.stepFunctions.list().find((e) => e.name === caseId);
    expect(execution?.status).toBe('RUNNING');
  });

  it('answers a used token InvalidToken and an unknown one TaskDoesNotExist, through the real SDK', async () => {
    const { caseId } = (await invoke(submitLetter, sampleEvent('submit-letter'))).body as { caseId: string };
    const { taskToken } = await waitingTask(caseId);
    await sfn.send(
      new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ status: 'submitted' }) }),
    );
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toBeInstanceOf(
      InvalidToken,
    );
    await expect(
      sfn.send(new SendTaskSuccessCommand({ taskToken: 'local-never-issued', output: '{}' })),
    ).rejects.toBeInstanceOf(TaskDoesNotExist);
  });

  it('answers a token whose wait timed out TaskTimedOut', async () => {
    const tokens = workflow.stepFunctions.tokens;
    const token = tokens.issue();
    const waiting = tokens.wait(token, 'test-execution', 0.05);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(tokens.succeed(token, {})).toBe('TaskTimedOut');
    await expect(
      sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
    void waiting;
  });

  it('lets an action go through when the token it finds is stale: the case is the truth, the workflow re-plans', async () => {
    const { caseId } = (await invoke(submitLetter, sampleEvent('submit-letter'))).body as { caseId: string };
    const task = await waitingTask(caseId);
    // The wait step's token went stale (say it timed out into an escalation a moment ago).
    await env.documents.send(
      new PutCommand({
        TableName: env.tableName('workflowTasks'),
        Item: { ...task, taskToken: 'local-stale-token' },
      }),
    );
    const { caseStore } = await import('../../shared/runtime/dependencies');
    const { workflow } = await import('../../shared/runtime/write-dependencies');
    const before = await caseStore().get(caseId);
    if (!before) throw new Error('case missing');
    const moved = {
      ...before,
      status: 'rejected' as const,
      version: before.version + 1,
      rejectionReason: '测试',
    };
    await expect(workflow().caseChanged(moved)).resolves.toBeUndefined();
  });

  it('resumes, in the hourly sweep, an open case that lost its workflow, and leaves the others alone', async () => {
    const { DeleteCommand } = await import('@aws-sdk/lib-dynamodb');
    const { sweepDependencies } = await import('../../shared/runtime/write-dependencies');
    const { resumeStalledCases } = await import('../../shared/use-cases/resume-stalled-cases');
    const stalled = (await invoke(submitLetter, sampleEvent('submit-letter'))).body.caseId as string;
    const healthy = (await invoke(submitLetter, sampleEvent('submit-letter'))).body.caseId as string;
    await waitingTask(stalled);
    await waitingTask(healthy);
    // The stalled case's workflow died: its execution stopped and no wait step holds a token.
    workflow.stepFunctions
      .list()
      .find((e) => e.name === stalled)
      ?.abort?.();
    await env.documents.send(
      new DeleteCommand({ TableName: env.tableName('workflowTasks'), Key: { caseId: stalled } }),
    );
    const anHourLater = { now: () => new Date(Date.now() + 3_600_000), timerSecondsUntil: () => 1 };
    const resumed = await resumeStalledCases({ ...sweepDependencies(), clock: anHourLater });
    expect(resumed).toContain(stalled);
    expect(resumed).not.toContain(healthy);
    expect(workflow.stepFunctions.list().some((e) => e.name.startsWith(`${stalled}-resume-`))).toBe(true);
    await waitingTask(stalled);
  });

  it('ends an execution whose case was reopened meanwhile: the new round has its own execution', async () => {
    const { caseStore, clock, currentRules } = await import('../../shared/runtime/dependencies');
    const { applyAction } = await import('../../shared/domain/lifecycle/apply-action');
    const { planCaseStep } = await import('../../shared/use-cases/workflow-steps');
    const { citizen, contextAt, dispatcher, housing, leader, reviewer } = await import(
      '../support/domain-fixtures'
    );
    const store = caseStore();
    const { caseId } = (await invoke(submitLetter, sampleEvent('submit-letter'))).body as { caseId: string };
    let c = await store.get(caseId);
    const steps = [
      [dispatcher, { type: 'transfer', departmentId: 'dept-housing', instructions: '请处理' }],
      [housing, { type: 'sign' }],
      [housing, { type: 'reply', content: '已处理' }],
      [reviewer, { type: 'review', approve: true }],
      [citizen, { type: 'rate', resolved: false, satisfaction: 'dissatisfied' }],
      [leader, { type: 'reopen', reason: '不满意' }],
    ] as const;
    for (const [actor, action] of steps) {
      if (!c) throw new Error('missing');
      const after = applyAction(c, action, actor, contextAt(new Date().toISOString())).after;
      await store.save(c, after);
      c = after;
    }
    const deps = { store, clock: clock(), rules: currentRules };
    expect((await planCaseStep(deps, caseId, 0)).step).toBe('done');
    expect((await planCaseStep(deps, caseId, 1)).step).toBe('handling');
  });
});
