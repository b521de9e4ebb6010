import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports';
import { chinaDate } from '../../shared/domain/china-time';
import { DEFAULT_TIME_LIMITS } from '../../shared/domain/time-limits';
import { CivicClient, errorCode } from '../support/civic-client';
import { type ServerProcess, startServerProcess } from '../support/server-process';

/**
 * Time limits and the holiday calendar administered in the product (issue 12): the server's clock
 * starts on Wednesday 30 December 2026, so a five-working-day handling limit runs into 2027 — a
 * year the `chinese-days` data does not know yet — until the administrator publishes it.
 */
let server: ServerProcess;
let civic: CivicClient;

beforeAll(async () => {
  server = await startServerProcess({
    PORT: String(await freePort()),
    CIVICLINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'civicline-settings-')),
    CIVICLINE_DATABASE: 'memory',
    CIVICLINE_CLOCK_START: '2026-12-30T10:00:00+08:00',
  });
  civic = new CivicClient(server.url);
});

afterAll(async () => {
  await server?.stop();
});

/** A complaint letter transferred now: its handling deadline as the case says it. */
async function transferredComplaint(): Promise<{ caseId: string; handleBy: string; estimated: boolean }> {
  const { caseId } = await civic.submitLetter({ type: 'complain' });
  const transfer = { type: 'transfer', departmentId: 'dept-housing', instructions: '请核实处理' };
  expect((await civic.act('dispatcher1', caseId, transfer)).status).toBe(200);
  return { caseId, ...(await deadlineOf(caseId)) };
}

async function deadlineOf(caseId: string) {
  const view = await civic.viewAsStaff('dispatcher1', caseId);
  const deadlines = view.body.deadlines as { handleBy: string; estimated?: boolean };
  return { handleBy: chinaDate(new Date(deadlines.handleBy)), estimated: deadlines.estimated === true };
}

const NEW_YEAR_2027 = { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] };

describe('an administrator setting time limits and the calendar', () => {
  let before: { caseId: string; handleBy: string; estimated: boolean };

  it('starts from DOMAIN.md’s limits and counts an unpublished year Monday to Friday, flagged', async () => {
    const limits = await civic.get('/v1/settings/time-limits', await civic.auth('admin1'));
    expect(limits).toEqual({ status: 200, body: DEFAULT_TIME_LIMITS });
    const year = await civic.get('/v1/settings/calendar/2027', await civic.auth('admin1'));
    expect(year.body).toEqual({ year: 2027, holidays: [], workdays: [], source: 'weekdays' });
    const known = await civic.get('/v1/settings/calendar/2026', await civic.auth('admin1'));
    expect(known.body).toMatchObject({
      source: 'statutory',
      workdays: expect.arrayContaining(['2026-10-10']),
    });
    // 31 Dec, then Fri 1, Mon 4, Tue 5, Wed 6 January on the weekday fallback.
    before = await transferredComplaint();
    expect(before).toMatchObject({ handleBy: '2027-01-06', estimated: true });
  });

  it('publishes 2027: a new deadline skips its New Year holiday and is no longer estimated', async () => {
    const admin = await civic.auth('admin1');
    const published = await civic.send('PUT', '/v1/settings/calendar/2027', NEW_YEAR_2027, admin);
    expect(published).toEqual({ status: 200, body: { year: 2027, ...NEW_YEAR_2027, source: 'published' } });
    expect((await civic.get('/v1/settings/calendar/2027', admin)).body).toMatchObject({
      source: 'published',
    });
    expect(await transferredComplaint()).toMatchObject({ handleBy: '2027-01-07', estimated: false });
    // A running deadline keeps its date.
    expect(await deadlineOf(before.caseId)).toEqual({ handleBy: '2027-01-06', estimated: true });
  });

  it('changes the handling limit for complaints: the next transfer’s deadline moves, the audit has both', async () => {
    const admin = await civic.auth('admin1');
    const limits = { ...DEFAULT_TIME_LIMITS, handling: { ...DEFAULT_TIME_LIMITS.handling, complain: 10 } };
    expect(await civic.send('PUT', '/v1/settings/time-limits', limits, admin)).toEqual({
      status: 200,
      body: limits,
    });
    expect((await civic.get('/v1/settings/time-limits', admin)).body).toEqual(limits);
    // 31 Dec, 4–8 Jan, 11–14 Jan: the tenth working day is Thursday 14 January.
    expect(await transferredComplaint()).toMatchObject({ handleBy: '2027-01-14', estimated: false });
    const audit = await civic.get('/v1/audit?userId=admin1', admin);
    const entries = audit.body.entries as {
      caseId: string;
      action: string;
      before?: string;
      after?: string;
    }[];
    const change = entries.find((entry) => entry.action === 'change_time_limits');
    expect(change?.caseId).toBe('settings:time-limits');
    expect(JSON.parse(change?.before ?? '{}').handling.complain).toBe(5);
    expect(JSON.parse(change?.after ?? '{}').handling.complain).toBe(10);
    expect(entries).toContainEqual(
      expect.objectContaining({ action: 'publish_calendar', caseId: 'settings:calendar-2027' }),
    );
  });

  it('reads the extension maximum from the same setting', async () => {
    const admin = await civic.auth('admin1');
    const limits = { ...DEFAULT_TIME_LIMITS, maxExtension: 3 };
    expect((await civic.send('PUT', '/v1/settings/time-limits', limits, admin)).status).toBe(200);
    const { caseId } = await transferredComplaint();
    expect((await civic.act('housing1', caseId, { type: 'sign' })).status).toBe(200);
    const tooLong = await civic.act('housing1', caseId, {
      type: 'request_extension',
      workingDays: 5,
      reason: '需现场勘查',
    });
    expect([tooLong.status, errorCode(tooLong)]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(tooLong.body)).toContain('延期天数不能超过3个工作日');
    const allowed = await civic.act('housing1', caseId, {
      type: 'request_extension',
      workingDays: 3,
      reason: '需现场勘查',
    });
    expect(allowed.status).toBe(200);
  });

  it('refuses bad settings with a Chinese message, changing nothing, and anyone but an administrator', async () => {
    const admin = await civic.auth('admin1');
    const current = (await civic.get('/v1/settings/time-limits', admin)).body;
    const bad = await civic.send(
      'PUT',
      '/v1/settings/time-limits',
      { ...current, triage: 0, review: 1.5 },
      admin,
    );
    expect([bad.status, errorCode(bad)]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(bad.body)).toContain('分拣（转办）时限至少 1 个工作日');
    const partial = await civic.send('PUT', '/v1/settings/time-limits', { triage: 2 }, admin);
    expect(partial.status).toBe(400);
    const badYear = await civic.send(
      'PUT',
      '/v1/settings/calendar/2027',
      { holidays: ['2027-02-30', '2028-01-01'], workdays: ['2027-02-10'] },
      admin,
    );
    expect([badYear.status, errorCode(badYear)]).toEqual([400, 'VALIDATION_FAILED']);
    const text = JSON.stringify(badYear.body);
    expect(text).toContain('2027-02-30：不是有效日期');
    expect(text).toContain('2028-01-01：不在 2027 年内');
    expect(text).toContain('调休上班日必须是周六或周日');
    expect((await civic.get('/v1/settings/calendar/1999', admin)).status).toBe(400);
    expect((await civic.get('/v1/settings/time-limits', admin)).body).toEqual(current);
    expect((await civic.get('/v1/settings/calendar/2027', admin)).body).toMatchObject(NEW_YEAR_2027);
    const dispatcher = await civic.auth('dispatcher1');
    expect((await civic.get('/v1/settings/time-limits', dispatcher)).status).toBe(403);
    expect((await civic.send('PUT', '/v1/settings/calendar/2027', NEW_YEAR_2027, dispatcher)).status).toBe(
      403,
    );
  });
});
