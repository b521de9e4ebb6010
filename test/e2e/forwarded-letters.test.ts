import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports';
import { chinaDate } from '../../shared/domain/china-time';
import { CivicClient, errorCode } from '../support/civic-client';
import { sampleBody } from '../support/events';
import { type ServerProcess, startServerProcess } from '../support/server-process';

/**
 * Letters forwarded by a higher office (转办件, issue 12): entered by a dispatcher with their source
 * reference, never due later than the answer-back date, and listed for the report back. The
 * server's clock starts on Monday 7 December 2026.
 */
let server: ServerProcess;
let civic: CivicClient;

beforeAll(async () => {
  server = await startServerProcess({
    PORT: String(await freePort()),
    CIVICLINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'civicline-forwarded-')),
    CIVICLINE_DATABASE: 'memory',
    CIVICLINE_CLOCK_START: '2026-12-07T10:00:00+08:00',
  });
  civic = new CivicClient(server.url);
});

afterAll(async () => {
  await server?.stop();
});

const FORWARDED = { ...sampleBody('submit-forwarded-letter'), receivedAt: '2026-12-04T09:30:00+08:00' };
const enter = async (changes: Record<string, unknown> = {}, as = 'dispatcher1') =>
  civic.post('/v1/letters/forwarded', { ...FORWARDED, ...changes }, await civic.auth(as));
const transfer = (caseId: string) =>
  civic.act('dispatcher1', caseId, {
    type: 'transfer',
    departmentId: 'dept-housing',
    instructions: '请于期限前答复',
  });
const due = (iso: unknown) => chinaDate(new Date(String(iso)));

describe('a dispatcher entering letters forwarded by a higher office', () => {
  let urgent: string;
  let later: string;

  it('records the source reference, shown in the staff view; the answer-back date caps every deadline', async () => {
    const entered = await enter({ answerBackBy: '2026-12-09' });
    expect(entered.status).toBe(201);
    urgent = String(entered.body.caseId);
    expect(urgent).toMatch(/^XJ/);
    expect((await transfer(urgent)).status).toBe(200);
    const view = (await civic.viewAsStaff('dispatcher1', urgent)).body;
    expect(view).toMatchObject({
      channel: 'forwarded',
      channelLabel: '上级转办',
      publicConsent: false,
      forwarded: {
        source: 'province-mailbox',
        sourceLabel: '省长信箱',
        reference: '省长信箱〔2026〕第1187号',
        forwardingOffice: '省人民政府办公厅',
      },
    });
    // Five working days for a complaint would be 14 December; the province wants an answer by the 9th.
    expect(due((view.deadlines as { handleBy: string }).handleBy)).toBe('2026-12-09');

    const relaxed = await enter({ answerBackBy: '2027-01-29', reference: '省长信箱〔2026〕第1190号' });
    later = String(relaxed.body.caseId);
    expect((await transfer(later)).status).toBe(200);
    const laterView = (await civic.viewAsStaff('dispatcher1', later)).body;
    expect(due((laterView.deadlines as { handleBy: string }).handleBy)).toBe('2026-12-14');
  });

  it('lists what must be answered back by a date, with the references', async () => {
    await civic.submitLetter();
    const listed = await civic.list('dispatcher1', { channel: 'forwarded', answerBackDue: '2026-12-10' });
    const rows = listed.body.cases as { caseId: string; forwarded?: { reference: string } }[];
    expect(rows.map((row) => row.caseId)).toEqual([urgent]);
    expect(rows[0]?.forwarded?.reference).toBe('省长信箱〔2026〕第1187号');
    const all = await civic.list('dispatcher1', { channel: 'forwarded' });
    expect((all.body.cases as { caseId: string }[]).map((row) => row.caseId).sort()).toEqual(
      [urgent, later].sort(),
    );
  });

  it('takes a letter without the writer’s details, and refuses bad input and other roles', async () => {
    const { citizen: _none, ...anonymous } = FORWARDED as Record<string, unknown>;
    const withoutWriter = await civic.post(
      '/v1/letters/forwarded',
      { ...anonymous, source: 'state-council-supervision', reference: '督查〔2026〕88号' },
      await civic.auth('dispatcher1'),
    );
    expect(withoutWriter.status).toBe(201);
    const badSource = await enter({ source: 'newspaper' });
    expect([badSource.status, errorCode(badSource)]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(badSource.body)).toContain('来源只能是');
    const backwards = await enter({ answerBackBy: '2026-12-01' });
    expect([backwards.status, JSON.stringify(backwards.body)]).toEqual([
      400,
      expect.stringContaining('反馈期限不能早于收文日期'),
    ]);
    expect((await enter({}, 'operator1')).status).toBe(403);
  });
});
