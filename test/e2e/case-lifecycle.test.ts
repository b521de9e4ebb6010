import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports';
import { CivicClient, errorCode, statisticsDifferences } from '../support/civic-client';
import { type ServerProcess, startServerProcess } from '../support/server-process';

const dataDir = mkdtempSync(join(tmpdir(), 'civicline-lifecycle-'));
let server: ServerProcess;
let port: number;
let civic: CivicClient;

beforeAll(async () => {
  port = await freePort();
  server = await startServerProcess({ PORT: String(port), CIVICLINE_DATA_DIR: dataDir });
  civic = new CivicClient(server.url);
});

afterAll(async () => {
  await server?.stop();
});

const transfer = { type: 'transfer', departmentId: 'dept-housing', instructions: '请核实并处理' };
const statusOf = (view: Record<string, unknown>) => view.status;

describe('a hotline call answered at once', () => {
  it('is closed at intake as a direct answer, goes to follow-up, and closes on the operator’s call', async () => {
    const logged = await civic.logTicket('operator1', {
      caller: { name: '李四', phone: '13912345678' },
      type: 'consult',
      content: '请问居住证怎么办理？',
      answer: '携带身份证和租房合同到社区服务中心办理。',
    });
    expect(logged.status).toBe(201);
    const { caseId, queryCode } = logged.body as { caseId: string; queryCode: string };
    expect(caseId).toMatch(/^GD\d{14}$/);
    expect(logged.body.status).toBe('replied');
    await civic.waitForNotification(caseId, 'rating_request');
    expect((await civic.viewAsCitizen(caseId, queryCode)).body).toMatchObject({
      status: 'replied',
      reply: { content: '携带身份证和租房合同到社区服务中心办理。' },
    });
    await civic.waitingIn(caseId, 'AwaitRating');
    await civic.must('operator1', caseId, { type: 'rate', resolved: true, satisfaction: 'satisfied' });
    const closed = await civic.waitFor(caseId, (v) => statusOf(v) === 'closed');
    expect(closed.rating).toMatchObject({ satisfaction: 'satisfied', by: 'operator' });
    await expect
      .poll(async () => (await civic.executions()).find((e) => e.name === caseId)?.status)
      .toBe('SUCCEEDED');
    // Straight to follow-up and done: what Standard bills for this call (issue 14's bound).
    expect((await civic.execution(caseId)).transitions).toBeLessThanOrEqual(3);
  });

  it('is only for operators', async () => {
    const refused = await civic.logTicket('dispatcher1', {
      caller: { name: '李四', phone: '13912345678' },
      type: 'help',
      content: '求助',
    });
    expect(refused.status).toBe(403);
  });
});

describe('a letter to the mayor’s mailbox', () => {
  it('goes transfer → sign → reply → approve → citizen rating → closed; the citizen sees the reply only after review', async () => {
    const { caseId, queryCode } = await civic.submitLetter();
    // Each step acted on once the workflow waits in it, as people do: the transitions are then exact.
    await civic.waitingIn(caseId, 'AwaitTriage');
    await civic.must('dispatcher1', caseId, transfer);
    await civic.waitingIn(caseId, 'AwaitHandling');
    await civic.must('housing1', caseId, { type: 'sign' });
    await civic.must('housing1', caseId, { type: 'reply', content: '已责令工地晚10点后停工。' });
    const beforeReview = (await civic.viewAsCitizen(caseId, queryCode)).body;
    expect(beforeReview.status).toBe('reviewing');
    expect(beforeReview.reply).toBeUndefined();
    await civic.waitingIn(caseId, 'AwaitReview');
    await civic.must('reviewer1', caseId, { type: 'review', approve: true });
    await civic.waitForNotification(caseId, 'reply_ready');
    await civic.waitingIn(caseId, 'AwaitRating');
    const citizen = (await civic.viewAsCitizen(caseId, queryCode)).body;
    expect(citizen.reply).toMatchObject({
      content: '已责令工地晚10点后停工。',
      departmentName: '住房和城乡建设局',
    });
    const rated = await civic.rateAsCitizen(caseId, queryCode, {
      resolved: true,
      satisfaction: 'basically_satisfied',
      comment: '谢谢',
    });
    expect(rated.status).toBe(200);
    expect(rated.body.status).toBe('closed');
    const labels = (rated.body.timeline as { label: string }[]).map((e) => e.label);
    expect(labels).toEqual(['已提交', '已转交承办单位办理', '承办单位已签收', '已答复', '已评价']);
    const staff = (await civic.viewAsStaff('dispatcher1', caseId)).body;
    expect((staff.timeline as { action: string; actor: string }[]).map((e) => [e.action, e.actor])).toEqual([
      ['submit', 'citizen'],
      ['transfer', 'dispatcher1'],
      ['sign', 'housing1'],
      ['reply', 'housing1'],
      ['review', 'reviewer1'],
      ['rate', 'citizen'],
    ]);
    await expect
      .poll(async () => (await civic.executions()).find((e) => e.name === caseId)?.status)
      .toBe('SUCCEEDED');
    // One transition per phase, not a plan-and-route loop per step (issue 14's bound).
    const execution = await civic.execution(caseId);
    expect(execution.transitions).toBeLessThanOrEqual(8);
    expect(execution.events.map((e) => e.type)).toContain('ExecutionSucceeded');
  });

  it('is returned by a department that does not own the matter and transferred again', async () => {
    const { caseId } = await civic.submitLetter();
    await civic.must('dispatcher1', caseId, transfer);
    await civic.must('housing1', caseId, { type: 'return', reason: '属于交通运输局职责' });
    expect((await civic.viewAsStaff('housing1', caseId)).status).toBe(404);
    await civic.must('dispatcher1', caseId, {
      type: 'transfer',
      departmentId: 'dept-transport',
      instructions: '改派',
    });
    await civic.must('transport1', caseId, { type: 'sign' });
    const view = (await civic.viewAsStaff('dispatcher1', caseId)).body;
    expect(view).toMatchObject({
      status: 'handling',
      returnCount: 1,
      department: { departmentId: 'dept-transport' },
    });
    expect(await civic.outbox(caseId)).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'returned' })]),
    );
  });

  it('gets its deadline moved once by an approved extension, and kept by a refused one', async () => {
    const approved = await civic.submitLetter();
    await civic.must('dispatcher1', approved.caseId, transfer);
    await civic.must('housing1', approved.caseId, { type: 'sign' });
    const before = (
      (await civic.viewAsStaff('dispatcher1', approved.caseId)).body.deadlines as { handleBy: string }
    ).handleBy;
    await civic.must('housing1', approved.caseId, {
      type: 'request_extension',
      workingDays: 5,
      reason: '需现场勘查',
    });
    const twice = await civic.act('housing1', approved.caseId, {
      type: 'request_extension',
      workingDays: 2,
      reason: '再延',
    });
    expect([twice.status, errorCode(twice)]).toEqual([409, 'EXTENSION_ALREADY_USED']);
    await civic.must('dispatcher1', approved.caseId, { type: 'decide_extension', approve: true });
    const after = (
      (await civic.viewAsStaff('dispatcher1', approved.caseId)).body.deadlines as { handleBy: string }
    ).handleBy;
    expect(after > before).toBe(true);
    const tooLong = await civic.act('housing1', approved.caseId, {
      type: 'request_extension',
      workingDays: 11,
      reason: '太长',
    });
    expect(tooLong.status).toBe(400);

    const refused = await civic.submitLetter();
    await civic.must('dispatcher1', refused.caseId, transfer);
    await civic.must('housing1', refused.caseId, {
      type: 'request_extension',
      workingDays: 3,
      reason: '人手不足',
    });
    const kept = (
      (await civic.viewAsStaff('dispatcher1', refused.caseId)).body.deadlines as { handleBy: string }
    ).handleBy;
    await civic.must('dispatcher1', refused.caseId, {
      type: 'decide_extension',
      approve: false,
      comment: '请按期办结',
    });
    const view = (await civic.viewAsStaff('dispatcher1', refused.caseId)).body;
    expect((view.deadlines as { handleBy: string }).handleBy).toBe(kept);
    expect(view.extension).toMatchObject({ decision: 'refused' });
  });

  it('goes back to the department when the reviewer sends the reply back', async () => {
    const { caseId, queryCode } = await civic.submitLetter();
    await civic.must('dispatcher1', caseId, transfer);
    await civic.must('housing1', caseId, { type: 'sign' });
    await civic.must('housing1', caseId, { type: 'reply', content: '已处理。' });
    await civic.must('reviewer1', caseId, {
      type: 'review',
      approve: false,
      comment: '请写明处理结果和依据',
    });
    expect((await civic.viewAsStaff('housing1', caseId)).body.status).toBe('handling');
    expect((await civic.viewAsCitizen(caseId, queryCode)).body.reply).toBeUndefined();
    await civic.must('housing1', caseId, {
      type: 'reply',
      content: '经现场核查，已依据《噪声污染防治法》责令停工。',
    });
    await civic.must('reviewer1', caseId, { type: 'review', approve: true });
    expect((await civic.viewAsCitizen(caseId, queryCode)).body.reply).toMatchObject({
      content: expect.stringContaining('噪声污染防治法'),
    });
  });

  it('is reopened after a dissatisfied rating, replied again and rated again', async () => {
    const { caseId, queryCode } = await civic.submitLetter();
    await civic.must('dispatcher1', caseId, transfer);
    await civic.must('housing1', caseId, { type: 'sign' });
    await civic.must('housing1', caseId, { type: 'reply', content: '已处理。' });
    await civic.must('reviewer1', caseId, { type: 'review', approve: true });
    await civic.rateAsCitizen(caseId, queryCode, {
      resolved: false,
      satisfaction: 'dissatisfied',
      comment: '施工仍在继续',
    });
    await civic.must('leader1', caseId, { type: 'reopen', reason: '群众反映问题未解决' });
    const reopened = (await civic.viewAsStaff('dispatcher1', caseId)).body;
    expect(reopened).toMatchObject({
      status: 'handling',
      reopenCount: 1,
      department: { departmentId: 'dept-housing' },
    });
    await civic.must('housing1', caseId, { type: 'reply', content: '已联合城管夜间巡查，施工已停止。' });
    await civic.must('reviewer1', caseId, { type: 'review', approve: true });
    await civic.waitForNotification(caseId, 'rating_request');
    const second = await civic.rateAsCitizen(caseId, queryCode, {
      resolved: true,
      satisfaction: 'satisfied',
    });
    expect(second.body).toMatchObject({ status: 'closed', rating: { satisfaction: 'satisfied' } });
    await expect
      .poll(async () => (await civic.executions()).find((e) => e.name === `${caseId}-reopen-1`)?.status)
      .toBe('SUCCEEDED');
  });

  it('is merged into the case it duplicates', async () => {
    const primary = await civic.submitLetter();
    const duplicate = await civic.submitLetter();
    await civic.must('dispatcher1', duplicate.caseId, { type: 'merge', intoCaseId: primary.caseId });
    const citizen = (await civic.viewAsCitizen(duplicate.caseId, duplicate.queryCode)).body;
    expect(citizen).toMatchObject({ status: 'merged', mergedInto: primary.caseId });
    const intoItself = await civic.act('dispatcher1', primary.caseId, {
      type: 'merge',
      intoCaseId: primary.caseId,
    });
    expect(intoItself.status).toBe(409);
    const intoUnknown = await civic.act('dispatcher1', primary.caseId, {
      type: 'merge',
      intoCaseId: 'XJ20200101000001',
    });
    expect([intoUnknown.status, errorCode(intoUnknown)]).toEqual([400, 'UNKNOWN_CASE']);
  });
});

describe('rules at the HTTP edge', () => {
  it('answers an action the status does not allow with 409 INVALID_TRANSITION in Chinese', async () => {
    const { caseId } = await civic.submitLetter();
    const reply = await civic.act('reviewer1', caseId, { type: 'review', approve: true });
    expect(reply.status).toBe(409);
    expect(errorCode(reply)).toBe('INVALID_TRANSITION');
    expect((reply.body.error as { message: string }).message).toContain('待受理');
  });

  it('answers a role that may not act with 403, and another department with 404', async () => {
    const { caseId } = await civic.submitLetter();
    expect((await civic.act('operator1', caseId, transfer)).status).toBe(403);
    await civic.must('dispatcher1', caseId, transfer);
    expect((await civic.act('water1', caseId, { type: 'sign' })).status).toBe(404);
    expect((await civic.act('leader1', caseId, { type: 'sign' })).status).toBe(403);
  });

  it('refuses unknown fields, unknown action types and a missing token', async () => {
    const { caseId } = await civic.submitLetter();
    const extra = await civic.act('dispatcher1', caseId, { ...transfer, status: 'closed' });
    expect([extra.status, errorCode(extra)]).toEqual([400, 'VALIDATION_FAILED']);
    const unknown = await civic.act('dispatcher1', caseId, { type: 'approve_everything' });
    expect(unknown.status).toBe(400);
    const anonymous = await civic.post(`/v1/cases/${caseId}/actions`, transfer);
    expect(anonymous.status).toBe(401);
  });

  it('lets exactly one of two concurrent actions win; the other gets 409 STALE_VERSION', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const { caseId } = await civic.submitLetter();
      const [a, b] = await Promise.all([
        civic.act('dispatcher1', caseId, transfer),
        civic.act('dispatcher1', caseId, {
          type: 'transfer',
          departmentId: 'dept-water',
          instructions: '并发',
        }),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses[0]).toBe(200);
      if (statuses[1] === 200) continue; // one finished before the other read the case
      expect(statuses[1]).toBe(409);
      expect(['STALE_VERSION', 'INVALID_TRANSITION']).toContain(errorCode(a.status === 409 ? a : b));
      const view = (await civic.viewAsStaff('dispatcher1', caseId)).body;
      expect((view.timeline as unknown[]).length).toBe(2);
    }
  });

  it('replays an action with the same Idempotency-Key instead of applying it twice', async () => {
    const { caseId } = await civic.submitLetter();
    const key = { 'idempotency-key': `supervise-${caseId}` };
    const first = await civic.act('leader1', caseId, { type: 'supervise', note: '请尽快办理' }, key);
    const again = await civic.act('leader1', caseId, { type: 'supervise', note: '请尽快办理' }, key);
    expect(again.body).toEqual(first.body);
    expect((await civic.viewAsStaff('dispatcher1', caseId)).body.supervisionCount).toBe(1);
  });

  it('lists a department’s own cases only, in cursor pages without gaps or repeats', async () => {
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { caseId } = await civic.submitLetter({ title: `分页测试 ${i}` });
      await civic.must('dispatcher1', caseId, { ...transfer, departmentId: 'dept-market' });
      created.push(caseId);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await civic.list('market1', { limit: '2', ...(cursor ? { cursor } : {}) });
      expect(page.status).toBe(200);
      seen.push(...(page.body.cases as { caseId: string; departmentId: string }[]).map((c) => c.caseId));
      cursor = page.body.nextCursor as string | undefined;
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
    expect((await civic.list('market1', { departmentId: 'dept-housing' })).status).toBe(403);
    const tampered = await civic.list('market1', { limit: '2', cursor: 'eyJmIjoie30ifQ.forged' });
    expect([tampered.status, errorCode(tampered)]).toEqual([400, 'INVALID_CURSOR']);
  });

  it('gives the dispatcher work queues oldest first: returned cases and pending extensions', async () => {
    const [returned, extended, untouched] = [
      await civic.submitLetter({ title: '退单队列' }),
      await civic.submitLetter({ title: '延期队列' }),
      await civic.submitLetter({ title: '仍在办理' }),
    ];
    for (const { caseId } of [returned, extended, untouched]) {
      await civic.must('dispatcher1', caseId, { ...transfer, departmentId: 'dept-transport' });
    }
    await civic.must('transport1', returned.caseId, { type: 'return', reason: '不属于本单位职责' });
    await civic.must('transport1', extended.caseId, {
      type: 'request_extension',
      workingDays: 3,
      reason: '需现场勘查',
    });
    const ids = async (query: Record<string, string>) => {
      const page = await civic.list('dispatcher1', { limit: '100', ...query });
      expect(page.status).toBe(200);
      return page.body.cases as { caseId: string; returnCount?: number; pendingExtension?: unknown }[];
    };
    const back = await ids({ returned: 'true', order: 'oldest' });
    expect(back.find((c) => c.caseId === returned.caseId)?.returnCount).toBe(1);
    expect(back.map((c) => c.caseId)).not.toContain(untouched.caseId);
    const waiting = await ids({ extensionRequested: 'true' });
    expect(waiting.map((c) => c.caseId)).toEqual([extended.caseId]);
    expect(waiting[0]?.pendingExtension).toMatchObject({ workingDays: 3 });

    const oldest: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await civic.list('transport1', {
        limit: '1',
        order: 'oldest',
        ...(cursor ? { cursor } : {}),
      });
      oldest.push(...(page.body.cases as { caseId: string }[]).map((c) => c.caseId));
      cursor = page.body.nextCursor as string | undefined;
    } while (cursor);
    const mine = [extended.caseId, untouched.caseId];
    expect(oldest.filter((id) => mine.includes(id))).toEqual(mine);
    expect(new Set(oldest).size).toBe(oldest.length);
  });
});

describe('statistics after these scenarios', () => {
  it('agree with a recount of every case (npm run stats:verify)', async () => {
    expect(await statisticsDifferences(civic)).toEqual([]);
  });
});

describe('a restart in the middle of a case', () => {
  it('loses no case and no workflow progress', async () => {
    const { caseId, queryCode } = await civic.submitLetter();
    await civic.must('dispatcher1', caseId, transfer);
    await civic.must('housing1', caseId, { type: 'sign' });
    expect(await server.stop('SIGINT')).toBe(0);
    server = await startServerProcess({ PORT: String(port), CIVICLINE_DATA_DIR: dataDir });
    civic = new CivicClient(server.url);
    expect(server.output()).toMatch(/Resumed the workflow of \d+ open case/);
    await civic.must('housing1', caseId, { type: 'reply', content: '重启后继续办理。' });
    await civic.must('reviewer1', caseId, { type: 'review', approve: true });
    await civic.waitForNotification(caseId, 'rating_request');
    const rated = await civic.rateAsCitizen(caseId, queryCode, { resolved: true, satisfaction: 'satisfied' });
    expect(rated.body.status).toBe('closed');
    await expect
      .poll(async () => (await civic.executions()).find((e) => e.name === caseId)?.status)
      .toBe('SUCCEEDED');
  });
});
