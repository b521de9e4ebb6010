import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Handler, invoke, sampleBody, sampleEvent } from '../support/events';
import { functionHandler } from '../support/isolated-functions';
import { type LocalEnvironment, useLocalEnvironment } from '../support/local-environment';
import { type LocalWorkflow, useLocalWorkflow } from '../support/local-workflow';

let env: LocalEnvironment;
let submitLetter: Handler;
let submitConsultation: Handler;
let getCase: Handler;

let workflow: LocalWorkflow;

afterAll(async () => {
  await workflow?.close();
});

beforeAll(async () => {
  env = await useLocalEnvironment(inject('dynamoDbEndpoint'), inject('synthesizedApp'));
  workflow = await useLocalWorkflow(inject('synthesizedApp'));
  submitLetter = await functionHandler('submit-letter');
  submitConsultation = await functionHandler('submit-consultation');
  getCase = await functionHandler('get-case');
});

const letter = (changes: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  sampleEvent('submit-letter', { body: { ...sampleBody('submit-letter'), ...changes }, headers });

const readAs = (caseId: string, queryCode: string) =>
  invoke(
    getCase,
    sampleEvent('get-case', { pathParameters: { caseId }, headers: { 'x-query-code': queryCode } }),
  );

async function storedCases(table: 'letters' | 'consultations') {
  return (
    (await env.documents.send(new ScanCommand({ TableName: env.tableName(table), ConsistentRead: true })))
      .Items ?? []
  );
}

describe('a citizen writes to the mayor’s mailbox', () => {
  it('gets a case number and a query code, and reads the case back with them', async () => {
    const submitted = await invoke(submitLetter, letter());
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      caseId: expect.stringMatching(/^XJ\d{14}$/),
    });
    const { caseId, queryCode } = submitted.body as { caseId: string; queryCode: string };
    expect(queryCode).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);

    const read = await readAs(caseId, queryCode);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      caseId,
      kind: 'letter',
      type: 'complain',
      typeLabel: '投诉',
      title: '小区夜间施工噪音扰民',
      status: 'submitted',
      statusLabel: '待受理',
      timeline: [{ action: 'submit', label: '已提交', by: '群众', status: 'submitted' }],
    });
    expect(read.body).not.toHaveProperty('reply');
  });

  it('answers an unknown case and a wrong code with the same 404', async () => {
    const { caseId } = (await invoke(submitLetter, letter())).body as { caseId: string };
    // Each answer names its own request (x-correlation-id); nothing else may tell them apart.
    const answer = async (id: string) => {
      const reply = await readAs(id, 'ABCDEFGH');
      const { 'x-correlation-id': _ownRequest, ...headers } = reply.headers;
      return { ...reply, headers };
    };
    const wrongCode = await answer(caseId);
    const unknownCase = await answer('XJ20200101999999');
    const notACaseNumber = await answer('not-a-case');
    expect(wrongCode.status).toBe(404);
    expect(unknownCase).toEqual(wrongCode);
    expect(notACaseNumber).toEqual(wrongCode);
    expect(wrongCode.body).toEqual({ error: { code: 'CASE_NOT_FOUND', message: '案件不存在或查询码错误' } });
  });

  it('keeps neither contact data nor the query code readable in the table', async () => {
    const { caseId, queryCode } = (
      await invoke(
        submitLetter,
        letter({
          citizen: {
            name: '王小明',
            phone: '13998765432',
            idNumber: '11010519491231002X',
            address: '幸福路8号',
            email: 'wang@example.cn',
          },
        }),
      )
    ).body as { caseId: string; queryCode: string };
    const item = (await storedCases('letters')).find((c) => c.caseId === caseId);
    const raw = JSON.stringify(item);
    for (const secret of [
      '王小明',
      '13998765432',
      '11010519491231002X',
      '幸福路8号',
      'wang@example.cn',
      queryCode,
    ]) {
      expect(raw).not.toContain(secret);
    }
    expect(item?.contact).toMatchObject({
      keyId: 'k1',
      iv: expect.any(String),
      ciphertext: expect.any(String),
      tag: expect.any(String),
    });
  });

  it('numbers cases uniquely under concurrent submissions', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => invoke(submitLetter, letter())));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const ids = results.map((r) => r.body.caseId);
    expect(new Set(ids).size).toBe(30);
  });
});

describe('validation', () => {
  it('refuses bad fields with a stable code and Chinese messages, and writes nothing', async () => {
    const before = (await storedCases('letters')).length;
    const result = await invoke(
      submitLetter,
      letter({
        title: 'x'.repeat(101),
        content: '',
        type: 'rant',
        citizen: { name: '张三', phone: '12345', idNumber: '110105194912310021' },
        status: 'closed',
      }),
    );
    expect(result.status).toBe(400);
    const error = result.body.error as {
      code: string;
      message: string;
      details: { field: string; message: string }[];
    };
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(error.details.map((d) => d.field).sort()).toEqual(
      ['citizen.idNumber', 'citizen.phone', 'content', 'status', 'title', 'type'].sort(),
    );
    for (const detail of error.details) expect(detail.message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await storedCases('letters')).length).toBe(before);
  });

  it('counts characters as people do: 100 Chinese characters fit a title, 101 do not', async () => {
    expect((await invoke(submitLetter, letter({ title: '噪'.repeat(100) }))).status).toBe(201);
    expect((await invoke(submitLetter, letter({ title: '噪'.repeat(101) }))).status).toBe(400);
  });

  it('answers 415 to another content type, 400 to broken JSON and 413 to an oversized body', async () => {
    const text = await invoke(submitLetter, letter({}, { 'content-type': 'text/plain' }));
    expect(text.status).toBe(415);
    expect((text.body.error as { code: string }).code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const broken = await invoke(submitLetter, sampleEvent('submit-letter', { body: '{"mailbox":' }));
    expect(broken.status).toBe(400);
    expect((broken.body.error as { code: string }).code).toBe('MALFORMED_JSON');
    const huge = await invoke(submitLetter, letter({ content: '很'.repeat(30_000) }));
    expect(huge.status).toBe(413);
    expect((huge.body.error as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('Idempotency-Key', () => {
  it('gives the same case and the same query code for the same key and body', async () => {
    const key = `letter-${crypto.randomUUID()}`;
    const first = await invoke(submitLetter, letter({}, { 'idempotency-key': key }));
    const again = await invoke(submitLetter, letter({}, { 'idempotency-key': key }));
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const { caseId, queryCode } = first.body as { caseId: string; queryCode: string };
    expect((await readAs(caseId, queryCode)).status).toBe(200);
  });

  it('refuses the same key with another body', async () => {
    const key = `letter-${crypto.randomUUID()}`;
    await invoke(submitLetter, letter({}, { 'idempotency-key': key }));
    const other = await invoke(submitLetter, letter({ title: '另一封信' }, { 'idempotency-key': key }));
    expect(other.status).toBe(422);
    expect((other.body.error as { code: string }).code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('creates exactly one case from 20 concurrent duplicates', async () => {
    const key = `letter-${crypto.randomUUID()}`;
    const title = `并发重复提交 ${key}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => invoke(submitLetter, letter({ title }, { 'idempotency-key': key }))),
    );
    for (const result of results) expect([201, 409]).toContain(result.status);
    const created = new Set(results.filter((r) => r.status === 201).map((r) => r.body.caseId));
    expect(created.size).toBe(1);
    const stored = (await storedCases('letters')).filter((c) => c.title === title);
    expect(stored).toHaveLength(1);
  });
});

describe('a citizen asks an online consultation', () => {
  it('is recorded as a consultation addressed to the chosen department', async () => {
    const result = await invoke(submitConsultation, sampleEvent('submit-consultation'));
    expect(result.status).toBe(201);
    const { caseId, queryCode } = result.body as { caseId: string; queryCode: string };
    expect(caseId).toMatch(/^ZX\d{14}$/);
    const read = await readAs(caseId, queryCode);
    expect(read.body).toMatchObject({ kind: 'consultation', type: 'consult', title: '公积金贷款额度' });
    const stored = (await storedCases('consultations')).find((c) => c.caseId === caseId);
    expect(stored?.requestedDepartmentId).toBe('dept-housing');
  });

  it('refuses a department that does not exist', async () => {
    const body = { ...sampleBody('submit-consultation'), departmentId: 'dept-nowhere' };
    const result = await invoke(submitConsultation, sampleEvent('submit-consultation', { body }));
    expect(result.status).toBe(400);
    expect((result.body.error as { code: string }).code).toBe('UNKNOWN_DEPARTMENT');
  });
});
