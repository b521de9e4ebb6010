import { createServer } from 'node:http';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Case } from '../../shared/domain/case';
import type { CaseStore } from '../../shared/ports/case-store';
import type { Idempotency } from '../../shared/ports/idempotency';
import { STAFF_TOKEN_ENV } from '../../shared/runtime/environment';
import { type Handler, invoke, sampleBody, sampleEvent } from '../support/events';
import { demoStaffClaims } from '../support/identity-shape';
import { functionHandler } from '../support/isolated-functions';
import { type LocalEnvironment, lettersTitled, useLocalEnvironment } from '../support/local-environment';
import { type LocalWorkflow, useLocalWorkflow } from '../support/local-workflow';
import { TEST_TOKEN_SHAPES, testSigner } from '../support/signed-tokens';

/**
 * The findings of the adversarial review (issue 8), each reproduced against the real handlers on
 * DynamoDB Local and shown fixed: merge races, idempotency replays by other users and after a
 * crash, notices to departments, the query-code lockout under a burst, the per-phone limit, the
 * in-function token check.
 */
let env: LocalEnvironment;
let workflow: LocalWorkflow;
let submitLetter: Handler;
let submitConsultation: Handler;
let getCase: Handler;
let actOnCase: Handler;
let actWithSlowReads: Handler;
let actAfterCrash: Handler;
let submitAfterCrash: Handler;
let actFresh: Handler;
let store: CaseStore;
let signer: Awaited<ReturnType<typeof testSigner>>;

const ISSUER = 'https://cognito-idp.local/hardening';
const CLIENT = 'hardening-console';
const PER_PHONE_PER_DAY = 3;

beforeAll(async () => {
  env = await useLocalEnvironment(inject('dynamoDbEndpoint'), inject('synthesizedApp'));
  process.env.CIVICLINE_SUBMISSIONS_PER_PHONE_DAY = String(PER_PHONE_PER_DAY);
  signer = await testSigner(ISSUER);
  const jwks = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(signer.jwks));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwks.unref();
  const address = jwks.address();
  Object.assign(process.env, {
    [STAFF_TOKEN_ENV.issuer]: ISSUER,
    [STAFF_TOKEN_ENV.audience]: CLIENT,
    [STAFF_TOKEN_ENV.jwksUrl]: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/jwks.json`,
  });
  workflow = await useLocalWorkflow(inject('synthesizedApp'));
  submitLetter = await functionHandler('submit-letter');
  submitConsultation = await functionHandler('submit-consultation');
  getCase = await functionHandler('get-case');
  actOnCase = await functionHandler('act-on-case');
  const { actOnCase: logic } = await import('../../functions/act-on-case');
  const { httpHandler } = await import('../../shared/http/http-handler');
  const { staffHandler } = await import('../../shared/http/staff-handler');
  const runtime = {
    ...(await import('../../shared/runtime/dependencies')),
    ...(await import('../../shared/runtime/write-dependencies')),
  };
  store = runtime.caseStore();
  const deps = {
    ...runtime.lifecycleDependencies(),
    idempotency: runtime.idempotency(),
    files: runtime.attachmentFiles(),
  };
  // Failure injection: reads wait, so concurrent merges all read before any of them writes.
  const slowStore: CaseStore = {
    ...store,
    get: async (caseId: string): Promise<Case | undefined> => {
      const found = await store.get(caseId);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return found;
    },
  };
  actWithSlowReads = staffHandler(logic({ ...deps, store: slowStore }), { jsonBody: true }) as Handler;
  // Failure injection: the process dies after the action is stored, before its idempotency record is.
  const crashing: Idempotency = {
    bind: (request, value) => deps.idempotency.bind(request, value),
    async once(_request, write) {
      await write();
      throw new Error('crashed before the idempotency record was completed');
    },
  };
  actAfterCrash = staffHandler(logic({ ...deps, idempotency: crashing }), { jsonBody: true }) as Handler;
  const { submitLetter: letterLogic } = await import('../../functions/submit-letter');
  const intake = runtime.intakeDependencies();
  submitAfterCrash = httpHandler(letterLogic({ ...intake, idempotency: crashing }), {
    jsonBody: true,
  }) as Handler;
  actFresh = staffHandler(logic(deps), { jsonBody: true }) as Handler;
});

afterAll(async () => {
  await workflow?.close();
});

const CLAIMS: Record<string, Record<string, string>> = Object.fromEntries(
  ['dispatcher1', 'operator1', 'reviewer1', 'leader1', 'housing1', 'water1'].map((username) => [
    username,
    demoStaffClaims(username),
  ]),
);

let phoneSequence = 0;
/** A fresh mobile number per letter, so the per-phone limit only bites where a test means it to. */
function freshPhone(): string {
  phoneSequence += 1;
  return `139${String(Date.now() % 1e4).padStart(4, '0')}${String(phoneSequence).padStart(4, '0')}`;
}

async function letter(changes: Record<string, unknown> = {}): Promise<{ caseId: string; queryCode: string }> {
  const body = { ...sampleBody('submit-letter'), citizen: { name: '张三', phone: freshPhone() }, ...changes };
  const reply = await invoke(submitLetter, sampleEvent('submit-letter', { body }));
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { caseId: string; queryCode: string };
}

function actionEvent(username: string, caseId: string, body: unknown, headers: Record<string, string> = {}) {
  const event = sampleEvent('act-on-case', {
    body,
    headers: { 'content-type': 'application/json', ...headers },
    pathParameters: { caseId },
  });
  const claims = CLAIMS[username];
  return {
    ...event,
    requestContext: { ...event.requestContext, authorizer: { jwt: { claims, scopes: [] } } },
  };
}

const act = (
  handler: Handler,
  username: string,
  caseId: string,
  body: unknown,
  headers?: Record<string, string>,
) => invoke(handler, actionEvent(username, caseId, body, headers));

describe('two merges at once', () => {
  it('20 concurrent cross-merges never make a cycle: every chain ends at a case that is not merged', async () => {
    const pairs = await Promise.all(
      Array.from({ length: 10 }, async () => [await letter(), await letter()] as const),
    );
    const replies = await Promise.all(
      pairs.flatMap(([x, y]) => [
        act(actWithSlowReads, 'dispatcher1', x.caseId, { type: 'merge', intoCaseId: y.caseId }),
        act(actWithSlowReads, 'dispatcher1', y.caseId, { type: 'merge', intoCaseId: x.caseId }),
      ]),
    );
    for (const reply of replies) expect([200, 409]).toContain(reply.status);
    for (const [x, y] of pairs) {
      const [a, b] = [await store.get(x.caseId), await store.get(y.caseId)];
      expect([a?.status, b?.status].filter((status) => status === 'merged').length).toBeLessThanOrEqual(1);
      for (const start of [a, b]) {
        let current = start;
        const seen = new Set<string>();
        while (current?.status === 'merged') {
          expect(seen.has(current.caseId)).toBe(false);
          seen.add(current.caseId);
          current = await store.get(current.mergedInto ?? '');
        }
        expect(current?.status).toBe('submitted');
      }
    }
  });

  it('joins a chain at its root, and never a rejected case, a closed case or a case of another kind', async () => {
    const [root, middle, late] = [await letter(), await letter(), await letter()];
    expect(
      (await act(actOnCase, 'dispatcher1', middle.caseId, { type: 'merge', intoCaseId: root.caseId })).status,
    ).toBe(200);
    const joined = await act(actOnCase, 'dispatcher1', late.caseId, {
      type: 'merge',
      intoCaseId: middle.caseId,
    });
    expect(joined.status).toBe(200);
    expect((await store.get(late.caseId))?.mergedInto).toBe(root.caseId);

    const rejected = await letter();
    await act(actOnCase, 'dispatcher1', rejected.caseId, { type: 'reject', reason: '重复来信' });
    const intoRejected = await act(actOnCase, 'dispatcher1', (await letter()).caseId, {
      type: 'merge',
      intoCaseId: rejected.caseId,
    });
    expect(intoRejected.status).toBe(409);
    expect(intoRejected.body.error).toMatchObject({ code: 'MERGE_TARGET_CLOSED' });

    const consultation = await invoke(submitConsultation, sampleEvent('submit-consultation'));
    const otherKind = await act(actOnCase, 'dispatcher1', (await letter()).caseId, {
      type: 'merge',
      intoCaseId: (consultation.body as { caseId: string }).caseId,
    });
    expect(otherKind.status).toBe(400);
    expect(otherKind.body.error).toMatchObject({ code: 'MERGE_KIND_MISMATCH' });
  });
});

describe('an Idempotency-Key replayed', () => {
  it('by another user is that user’s own request: authorized for them, never the first caller’s answer', async () => {
    const { caseId } = await letter();
    await act(actOnCase, 'dispatcher1', caseId, {
      type: 'transfer',
      departmentId: 'dept-housing',
      instructions: '请核实',
    });
    const key = { 'idempotency-key': '6f1c1a52-4b7e-4b55-9d0e-0c9b1f1f2a01' };
    const note = { type: 'supervise', note: '来信人张三，电话13912345678，请尽快回复' };
    const first = await act(actOnCase, 'leader1', caseId, note, key);
    expect(first.status).toBe(200);
    expect((await act(actOnCase, 'water1', caseId, note, key)).status).toBe(404);
    expect((await act(actOnCase, 'reviewer1', caseId, note, key)).status).toBe(403);
    expect((await act(actOnCase, 'operator1', caseId, note, key)).status).toBe(403);
    const again = await act(actOnCase, 'leader1', caseId, note, key);
    expect(again).toMatchObject({ status: 200, body: first.body });
    expect((await store.get(caseId))?.timeline.filter((entry) => entry.action === 'supervise')).toHaveLength(
      1,
    );
  });

  it('after a crash between the case write and the idempotency record gets the stored outcome, not 409', async () => {
    const { caseId } = await letter();
    const key = { 'idempotency-key': '0c0d7a3e-2f7b-4f0e-8f9a-b0a1c2d3e4f5' };
    const transfer = { type: 'transfer', departmentId: 'dept-housing', instructions: '请核实处理' };
    const crashed = await act(actAfterCrash, 'dispatcher1', caseId, transfer, key);
    expect(crashed.status).toBe(500);
    const retried = await act(actFresh, 'dispatcher1', caseId, transfer, key);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body).toMatchObject({
      caseId,
      status: 'handling',
      version: 2,
      entry: { action: 'transfer' },
    });
    expect(retried.body.entry).not.toHaveProperty('request');
    const stored = await store.get(caseId);
    expect(stored?.timeline.map((entry) => entry.action)).toEqual(['submit', 'transfer']);
  });
});

describe('a department’s retry of its own return', () => {
  // The return takes the case out of the department's sight: its retry must still get the
  // outcome it made, not the 404 of a case it may no longer see (found by the soak after a SIGKILL).
  const returned = async () => {
    const { caseId } = await letter();
    const transfer = { type: 'transfer', departmentId: 'dept-water', instructions: '请核实' };
    expect((await act(actOnCase, 'dispatcher1', caseId, transfer)).status).toBe(200);
    return caseId;
  };
  const giveBack = { type: 'return', reason: '不属于本单位职责' };

  it('after its answer was lost gets the stored outcome', async () => {
    const caseId = await returned();
    const key = { 'idempotency-key': crypto.randomUUID() };
    const first = await act(actOnCase, 'water1', caseId, giveBack, key);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const again = await act(actOnCase, 'water1', caseId, giveBack, key);
    expect(again).toMatchObject({ status: 200, body: first.body });
    expect((await act(actOnCase, 'housing1', caseId, giveBack, key)).status).toBe(404);
    expect((await act(actOnCase, 'water1', caseId, giveBack)).status).toBe(404);
  });

  it('after a crash between the case write and the idempotency record gets the stored outcome', async () => {
    const caseId = await returned();
    const key = { 'idempotency-key': crypto.randomUUID() };
    expect((await act(actAfterCrash, 'water1', caseId, giveBack, key)).status).toBe(500);
    const retried = await act(actFresh, 'water1', caseId, giveBack, key);
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect(retried.body).toMatchObject({ caseId, version: 3, entry: { action: 'return' } });
    const stored = await store.get(caseId);
    expect(stored?.timeline.map((entry) => entry.action)).toEqual(['submit', 'transfer', 'return']);
  });
});

describe('a letter whose first attempt crashed after storing it', () => {
  it('is stored once: the retry with the same Idempotency-Key gets the case the crashed attempt made', async () => {
    const title = `崩溃后重试 ${Date.now()}`;
    const body = { ...sampleBody('submit-letter'), title, citizen: { name: '张三', phone: freshPhone() } };
    const headers = { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() };
    const crashed = await invoke(submitAfterCrash, sampleEvent('submit-letter', { body, headers }));
    expect(crashed.status).toBe(500);
    const retried = await invoke(submitLetter, sampleEvent('submit-letter', { body, headers }));
    expect(retried.status, JSON.stringify(retried.body)).toBe(201);
    expect(await lettersTitled(env, title)).toBe(1);
  });
});

describe('a notice to a department', () => {
  it('is masked like the department’s case view: no complainant name, no full phone', async () => {
    const { caseId } = await letter({ type: 'complain', citizen: { name: '李四', phone: '13912340000' } });
    await act(actOnCase, 'dispatcher1', caseId, {
      type: 'transfer',
      departmentId: 'dept-housing',
      instructions: '请核实',
    });
    await act(actOnCase, 'leader1', caseId, {
      type: 'supervise',
      note: '来信人李 四（电话１３９-1234-0000）反映多次，请加快',
    });
    const notices = (
      await env.documents.send(
        new ScanCommand({ TableName: env.tableName('notifications'), ConsistentRead: true }),
      )
    ).Items?.filter((item) => item.caseId === caseId && item.kind === 'supervision');
    expect(notices).toHaveLength(1);
    const message = String(notices?.[0]?.message);
    expect(message).toContain('督办');
    expect(message).not.toMatch(/李\s*四/);
    expect(message.replace(/\D/g, '')).not.toContain('13912340000');
    expect(message).toContain('139****0000');
  });
});

describe('the query-code lockout', () => {
  it('holds under a burst: wrong codes in parallel are counted before they are compared', async () => {
    const { caseId, queryCode } = await letter();
    const read = (code: string) =>
      invoke(
        getCase,
        sampleEvent('get-case', {
          pathParameters: { caseId },
          headers: { 'x-query-code': code },
          sourceIp: '198.51.100.7',
        }),
      );
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) => read(`WRONG${String(i).padStart(3, '0')}`)),
    );
    expect(burst.filter((reply) => reply.status === 404).length).toBeLessThanOrEqual(5);
    expect(burst.every((reply) => reply.status === 404 || reply.status === 429)).toBe(true);
    const right = await read(queryCode);
    expect(right.status).toBe(429);
    expect(right.headers['retry-after']).toBeDefined();
  });

  it('does not count the right code against the citizen', async () => {
    const { caseId, queryCode } = await letter();
    for (let i = 0; i < 8; i += 1) {
      const reply = await invoke(
        getCase,
        sampleEvent('get-case', {
          pathParameters: { caseId },
          headers: { 'x-query-code': queryCode },
          sourceIp: '198.51.100.8',
        }),
      );
      expect(reply.status).toBe(200);
    }
  });
});

describe('the per-phone limit', () => {
  it('counts a landline written with and without its area-code dash or an extension as one phone', async () => {
    const spellings = ['0571-87654321', '057187654321', '0571 8765 4321', '0571-87654321-12'];
    const replies = [];
    for (const phone of spellings) {
      replies.push(
        await invoke(
          submitLetter,
          sampleEvent('submit-letter', {
            body: { ...sampleBody('submit-letter'), citizen: { name: '王五', phone } },
          }),
        ),
      );
    }
    expect(replies.map((reply) => reply.status)).toEqual([201, 201, 201, 429]);
  });
});

describe('a staff token checked inside a function (GET /v1/cases/{caseId})', () => {
  const readWith = async (token: string, caseId: string) =>
    invoke(
      getCase,
      sampleEvent('get-case', { pathParameters: { caseId }, headers: { authorization: `Bearer ${token}` } }),
    );

  it('accepts an access token, refuses one without exp and an ID token, as API Gateway does', async () => {
    const { caseId } = await letter();
    expect((await readWith(await signer.sign(TEST_TOKEN_SHAPES.access(CLIENT)), caseId)).status).toBe(200);
    expect(
      (await readWith(await signer.sign(TEST_TOKEN_SHAPES.access(CLIENT), { expiresIn: null }), caseId))
        .status,
    ).toBe(401);
    expect((await readWith(await signer.sign(TEST_TOKEN_SHAPES.id(CLIENT)), caseId)).status).toBe(401);
  });
});

describe('a deactivated department', () => {
  it('is offered for no consultation or transfer, and is left out of the form’s list', async () => {
    await env.documents.send(
      new PutCommand({
        TableName: env.tableName('departments'),
        Item: {
          departmentId: 'dept-retired',
          name: '原市容环境卫生管理局',
          active: false,
          acceptsConsultations: true,
        },
      }),
    );
    const body = { ...sampleBody('submit-consultation'), departmentId: 'dept-retired' };
    const consultation = await invoke(
      submitConsultation,
      sampleEvent('submit-consultation', {
        body: { ...body, citizen: { name: '李四', phone: freshPhone() } },
      }),
    );
    expect(consultation.status).toBe(400);
    expect((consultation.body.error as { code: string }).code).toBe('UNKNOWN_DEPARTMENT');
    const { caseId } = await letter();
    const transfer = await act(actOnCase, 'dispatcher1', caseId, {
      type: 'transfer',
      departmentId: 'dept-retired',
      instructions: '请处理',
    });
    expect(transfer.status).toBe(400);
    const listDepartments = await functionHandler('list-departments');
    const listed = await invoke(listDepartments, sampleEvent('list-departments'));
    const ids = (listed.body.departments as { departmentId: string }[]).map((d) => d.departmentId);
    expect(ids).toContain('dept-housing');
    expect(ids).not.toContain('dept-retired');
  });
});
