import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports';
import { CivicClient, statisticsDifferences } from '../support/civic-client';
import { type ServerProcess, startServerProcess } from '../support/server-process';

/**
 * Deadlines with a fast clock: one real second is 100,000 clock seconds (~28 hours), starting on
 * Monday 2 November 2026, so working-day deadlines pass in seconds.
 */
let server: ServerProcess;
let civic: CivicClient;

beforeAll(async () => {
  server = await startServerProcess({
    PORT: String(await freePort()),
    CIVICLINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'civicline-deadlines-')),
    CIVICLINE_DATABASE: 'memory',
    CIVICLINE_TIME_SCALE: '100000',
    CIVICLINE_CLOCK_START: '2026-11-02T09:00:00+08:00',
  });
  civic = new CivicClient(server.url);
});

afterAll(async () => {
  await server?.stop();
});

describe('an overdue case', () => {
  it('gets a yellow card at its handling deadline and a red card five working days later', async () => {
    const { caseId } = await civic.submitLetter();
    await civic.must('dispatcher1', caseId, {
      type: 'transfer',
      departmentId: 'dept-water',
      instructions: '请处理',
    });
    await civic.must('water1', caseId, { type: 'sign' });
    const yellow = await civic.waitFor(
      caseId,
      (v) => (v.overdue as { card?: string } | undefined)?.card === 'yellow',
    );
    const handleBy = (yellow.deadlines as { handleBy: string }).handleBy;
    expect((yellow.overdue as { since: string }).since >= handleBy).toBe(true);
    const overdueList = await civic.list('leader1', { overdue: 'true' });
    expect((overdueList.body.cases as { caseId: string }[]).map((c) => c.caseId)).toContain(caseId);
    await civic.waitForNotification(caseId, 'overdue');

    const red = await civic.waitFor(
      caseId,
      (v) => (v.overdue as { card?: string } | undefined)?.card === 'red',
    );
    expect(red.status).toBe('handling');
    expect(red.supervisionCount).toBe(2);
    const notes = (red.timeline as { action: string; note?: string }[]).filter(
      (e) => e.action === 'flag_overdue',
    );
    expect(notes.map((e) => e.note)).toEqual(['超期黄牌督办', '超期红牌督办']);

    // Replying ends the overdue episode; the card stays in the timeline.
    await civic.must('water1', caseId, { type: 'reply', content: '已处理' });
    const replied = (await civic.viewAsStaff('dispatcher1', caseId)).body;
    expect(replied.overdue).toBeUndefined();
    expect((await civic.list('leader1', { overdue: 'true' })).body.cases).not.toContainEqual(
      expect.objectContaining({ caseId }),
    );
  });

  it('closes unrated when nobody rates within the follow-up window', async () => {
    const logged = await civic.logTicket('operator1', {
      caller: { name: '王五', phone: '13712345678' },
      type: 'consult',
      content: '社保卡丢了怎么补办？',
      answer: '可在社保局窗口或小程序补办。',
    });
    const caseId = logged.body.caseId as string;
    const closed = await civic.waitFor(caseId, (v) => v.status === 'closed');
    expect(closed).toMatchObject({ closedUnrated: true });
    expect(closed.rating).toBeUndefined();
    await expect
      .poll(async () => (await civic.executions()).find((e) => e.name === caseId)?.status)
      .toBe('SUCCEEDED');
  });

  it('refuses a late rating once the case closed unrated', async () => {
    const logged = await civic.logTicket('operator1', {
      caller: { name: '赵六', phone: '13612345678' },
      type: 'consult',
      content: '公交卡如何退卡？',
      answer: '到公交集团营业厅办理。',
    });
    const { caseId, queryCode } = logged.body as { caseId: string; queryCode: string };
    await civic.waitFor(caseId, (v) => v.status === 'closed');
    const late = await civic.rateAsCitizen(caseId, queryCode, { resolved: true, satisfaction: 'satisfied' });
    expect(late.status).toBe(409);
  });
});

describe('statistics after these scenarios', () => {
  it('agree with a recount of every case (npm run stats:verify)', async () => {
    expect(await statisticsDifferences(civic)).toEqual([]);
  });
});
