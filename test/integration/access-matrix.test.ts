import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { resetUsage, USAGE } from '../../shared/adapters/usage-meter';
import type { Attachment } from '../../shared/domain/attachment';
import type { Case } from '../../shared/domain/case';
import { formatCaseNumber } from '../../shared/domain/case-number';
import { openCase } from '../../shared/domain/intake';
import type { CaseAction } from '../../shared/domain/lifecycle/action-table';
import { applyAction } from '../../shared/domain/lifecycle/apply-action';
import { hashQueryCode, randomQueryCode } from '../../shared/domain/query-code';
import type { Actor } from '../../shared/domain/roles';
import { DEFAULT_TIME_LIMITS } from '../../shared/domain/time-limits';
import {
  CASE_CALLERS,
  CASE_RATING_ANSWERS,
  CASE_READ_ANSWERS,
  type CaseCaller,
  caseActionAnswer,
} from '../../shared/http/access-matrix';
import { calendar, citizen, dispatcher, housing, reviewer } from '../support/domain-fixtures';
import { type Handler, invoke, sampleEvent } from '../support/events';
import { demoStaffClaims } from '../support/identity-shape';
import { functionHandler } from '../support/isolated-functions';
import { type LocalEnvironment, useLocalEnvironment } from '../support/local-environment';
import { type LocalWorkflow, useLocalWorkflow } from '../support/local-workflow';

/**
 * The BOLA matrix, generated: every route that takes a case ID, tried by every role, by a
 * department that does not own the case, by a citizen with the right and a wrong query code, and
 * anonymously; each must give the answer the access matrix documents.
 */
let env: LocalEnvironment;
let workflow: LocalWorkflow;
let getCase: Handler;
let actOnCase: Handler;
let rateCase: Handler;
let runtime: typeof import('../../shared/runtime/dependencies');
let sequence = 0;

beforeAll(async () => {
  // Clients made from here on count their DynamoDB units (usage-meter.ts): how often a rating
  // counts its query code is seen in its writes to the abuse limits.
  process.env.CIVICLINE_METER = '';
  env = await useLocalEnvironment(inject('dynamoDbEndpoint'), inject('synthesizedApp'));
  workflow = await useLocalWorkflow(inject('synthesizedApp'));
  getCase = await functionHandler('get-case');
  actOnCase = await functionHandler('act-on-case');
  rateCase = await functionHandler('rate-case');
  runtime = await import('../../shared/runtime/dependencies');
});

afterAll(async () => {
  delete process.env.CIVICLINE_METER;
  await workflow?.close();
});

const CLAIMS: Record<string, Record<string, string>> = {
  operator: demoStaffClaims('operator1'),
  dispatcher: demoStaffClaims('dispatcher1'),
  reviewer: demoStaffClaims('reviewer1'),
  leader: demoStaffClaims('leader1'),
  admin: demoStaffClaims('admin1'),
  department: demoStaffClaims('housing1'),
  'other-department': demoStaffClaims('water1'),
};

/** A case owned by dept-housing, moved by the real lifecycle rules to where `action` is allowed. */
/** A file on the case (its bytes are not needed to decide who may release it). */
const MATRIX_ATTACHMENT: Attachment = {
  id: '0b6f3c1e-7d7a-4f7e-9a51-2f0e8c9b1a11',
  fileName: '现场照片.jpg',
  contentType: 'image/jpeg',
  size: 1024,
  origin: 'citizen',
  addedBy: 'citizen',
  addedAt: '2026-12-01T00:00:00.000Z',
};

async function caseReadyFor(
  action: CaseAction['type'] | 'read',
): Promise<{ caseId: string; queryCode: string }> {
  sequence += 1;
  const now = Date.now() - 3_600_000;
  const caseId = formatCaseNumber('letter', new Date(now), 900_000 + sequence);
  const queryCode = randomQueryCode();
  let c: Case = openCase({
    caseId,
    details: {
      kind: 'letter',
      channel: 'web',
      mailbox: 'mayor',
      type: 'complain',
      title: '权限矩阵',
      content: '测试',
      confidential: false,
      publicConsent: false,
    },
    contact: await runtime.contactVault().seal({ name: '张三', phone: '13812345678' }),
    phoneKey: 'matrix',
    queryCodeHash: hashQueryCode(await runtime.keyRing().hashKey(), caseId, queryCode),
    actor: citizen,
    now: new Date(now),
    calendar,
    limits: DEFAULT_TIME_LIMITS,
  });
  let at = now;
  const step = (actor: Actor, a: CaseAction) => {
    at += 60_000;
    c = applyAction(c, a, actor, { now: new Date(at), calendar, limits: DEFAULT_TIME_LIMITS }).after;
  };
  const toHousing = () =>
    step(dispatcher, { type: 'transfer', departmentId: 'dept-housing', instructions: '请处理' });
  const replied = () => {
    toHousing();
    step(housing, { type: 'sign' });
    step(housing, { type: 'reply', content: '已处理' });
    step(reviewer, { type: 'review', approve: true });
  };
  switch (action) {
    case 'reject':
    case 'answer':
    case 'transfer':
    case 'merge':
      break;
    case 'sign':
    case 'return':
    case 'supervise':
    case 'read':
      toHousing();
      break;
    case 'request_extension':
    case 'reply':
      toHousing();
      step(housing, { type: 'sign' });
      break;
    case 'decide_extension':
      toHousing();
      step(housing, { type: 'request_extension', workingDays: 3, reason: '勘查' });
      break;
    case 'review':
      toHousing();
      step(housing, { type: 'sign' });
      step(housing, { type: 'reply', content: '已处理' });
      break;
    case 'publish_attachment':
      toHousing();
      step(housing, { type: 'sign' });
      step(housing, { type: 'reply', content: '已处理' });
      c = { ...c, attachments: [MATRIX_ATTACHMENT] };
      break;
    case 'rate':
      replied();
      break;
    case 'reopen':
      replied();
      step(citizen, { type: 'rate', resolved: false, satisfaction: 'dissatisfied' });
      break;
  }
  await runtime.caseStore().create(c);
  return { caseId, queryCode };
}

function eventFor(caller: CaseCaller, routeKey: string, caseId: string, queryCode: string, body?: unknown) {
  const event = sampleEvent('get-case', {
    pathParameters: { caseId },
    headers: {
      'x-query-code': caller === 'citizen' ? queryCode : 'WRONGCDE',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body } : {}),
  });
  const headers = { ...event.headers };
  if (caller === 'anonymous') delete headers['x-query-code'];
  const claims = CLAIMS[caller];
  const isActions = routeKey.endsWith('/actions');
  if (claims && !isActions) delete headers['x-query-code'];
  return {
    ...event,
    routeKey,
    headers,
    requestContext: {
      ...event.requestContext,
      routeKey,
      // Staff routes get their claims from the API Gateway authorizer; GET /v1/cases/{caseId}
      // verifies a Bearer token itself, so there a staff caller is given a real one below.
      ...(claims && isActions ? { authorizer: { jwt: { claims, scopes: [] } } } : {}),
    },
  };
}

const ACTION_BODIES: Record<CaseAction['type'], (mergeTarget: string) => Record<string, unknown>> = {
  reject: () => ({ type: 'reject', reason: '不属于受理范围' }),
  answer: () => ({ type: 'answer', answer: '已答复' }),
  transfer: () => ({ type: 'transfer', departmentId: 'dept-housing', instructions: '请处理' }),
  sign: () => ({ type: 'sign' }),
  return: () => ({ type: 'return', reason: '非本单位职责' }),
  request_extension: () => ({ type: 'request_extension', workingDays: 3, reason: '需勘查' }),
  decide_extension: () => ({ type: 'decide_extension', approve: true }),
  reply: () => ({ type: 'reply', content: '已处理' }),
  review: () => ({ type: 'review', approve: true }),
  supervise: () => ({ type: 'supervise', note: '请加快' }),
  rate: () => ({ type: 'rate', resolved: true, satisfaction: 'satisfied' }),
  reopen: () => ({ type: 'reopen', reason: '不满意' }),
  merge: (target) => ({ type: 'merge', intoCaseId: target }),
  publish_attachment: () => ({
    type: 'publish_attachment',
    attachmentId: MATRIX_ATTACHMENT.id,
    publishable: false,
  }),
};

describe('POST /v1/cases/{caseId}/actions — every action by every caller', () => {
  const mergeTarget = { caseId: '' };
  beforeAll(async () => {
    mergeTarget.caseId = (await caseReadyFor('merge')).caseId;
  });

  for (const action of Object.keys(ACTION_BODIES) as CaseAction['type'][]) {
    it(`${action}`, async () => {
      const answers: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const caller of CASE_CALLERS) {
        const { caseId, queryCode } = await caseReadyFor(action);
        const event = eventFor(
          caller,
          'POST /v1/cases/{caseId}/actions',
          caseId,
          queryCode,
          ACTION_BODIES[action](mergeTarget.caseId),
        );
        answers[caller] = (await invoke(actOnCase, event)).status;
        // Cases waiting for triage are not assigned to any department yet.
        const assigned = !['reject', 'answer', 'transfer', 'merge'].includes(action);
        expected[caller] = caseActionAnswer(action, caller, assigned);
      }
      expect(answers).toEqual(expected);
    });
  }
});

describe('GET /v1/cases/{caseId} — every caller', () => {
  it('answers as the access matrix documents', async () => {
    const { issueTestToken } = await import('../support/test-tokens');
    const answers: Record<string, number> = {};
    for (const caller of CASE_CALLERS) {
      const { caseId, queryCode } = await caseReadyFor('read');
      const event = eventFor(caller, 'GET /v1/cases/{caseId}', caseId, queryCode);
      const claims = CLAIMS[caller];
      if (claims) event.headers.authorization = `Bearer ${await issueTestToken(claims)}`;
      answers[caller] = (await invoke(getCase, event)).status;
    }
    expect(answers).toEqual(CASE_READ_ANSWERS);
  });
});

describe('POST /v1/cases/{caseId}/rating — every caller', () => {
  it('answers as the access matrix documents', async () => {
    const answers: Record<string, number> = {};
    for (const caller of CASE_CALLERS) {
      const { caseId, queryCode } = await caseReadyFor('rate');
      const event = eventFor(caller, 'POST /v1/cases/{caseId}/rating', caseId, queryCode, {
        resolved: true,
        satisfaction: 'satisfied',
      });
      answers[caller] = (await invoke(rateCase, event)).status;
    }
    expect(answers).toEqual(CASE_RATING_ANSWERS);
  });
});

describe('POST /v1/cases/{caseId}/rating — the query code', () => {
  it('is counted once against the case and the client, and given back once', async () => {
    const { caseId, queryCode } = await caseReadyFor('rate');
    resetUsage();
    const rated = await invoke(
      rateCase,
      eventFor('citizen', 'POST /v1/cases/{caseId}/rating', caseId, queryCode, {
        resolved: true,
        satisfaction: 'satisfied',
      }),
    );
    expect(rated.status).toBe(200);
    // Two limits (this case, this client), each one write to count and one to give back.
    expect(USAGE.unitsByTable.get(`write:${env.tableName('rateLimits')}`)).toBe(4);
  });
});
