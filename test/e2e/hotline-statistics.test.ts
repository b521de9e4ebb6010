import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports';
import { addCalendarDays, chinaDate } from '../../shared/domain/china-time';
import { CivicClient } from '../support/civic-client';
import { inPool } from '../support/pool';
import { type ServerProcess, startServerProcess } from '../support/server-process';

/**
 * The county work report's 12345 figures, built through the public and staff APIs: 1,282 valid
 * calls, 964 answered at once, 318 transferred, 314 of them completed, 1,000 follow-up ratings of
 * which 957 (basically) satisfied — "办结率98.74%，满意率95.7%".
 */
let server: ServerProcess;
let civic: CivicClient;
const today = chinaDate(new Date());
const period = { from: addCalendarDays(today, -1), to: addCalendarDays(today, 1) };

const call = (i: number) => ({
  caller: { name: `来电人${i}`, phone: `139${String(10_000_000 + i).slice(-8)}` },
});

beforeAll(async () => {
  server = await startServerProcess({
    PORT: String(await freePort()),
    CIVICLINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'civicline-hotline-')),
    CIVICLINE_DATABASE: 'memory',
  });
  civic = new CivicClient(server.url);
  await Promise.all(
    ['operator1', 'dispatcher1', 'housing1', 'transport1', 'reviewer1', 'leader1'].map((u) => civic.auth(u)),
  );

  // 964 calls answered at once; 686 of them reached on the follow-up call.
  const answered = await inPool(
    16,
    Array.from({ length: 964 }, (_, i) => async () => {
      const reply = await civic.logTicket('operator1', {
        ...call(i),
        type: 'consult',
        content: `咨询第${i}号：公积金提取条件？`,
        answer: '凭身份证和购房合同到公积金中心办理。',
      });
      if (reply.status !== 201) throw new Error(JSON.stringify(reply));
      return reply.body.caseId as string;
    }),
  );
  const answeredRatings = [
    ...Array(600).fill('satisfied'),
    ...Array(57).fill('basically_satisfied'),
    ...Array(29).fill('dissatisfied'),
  ];
  await inPool(
    16,
    answeredRatings.map(
      (satisfaction, i) => () =>
        civic.must('operator1', answered[i] as string, {
          type: 'rate',
          resolved: satisfaction !== 'dissatisfied',
          satisfaction,
        }),
    ),
  );

  // 318 calls transferred to departments; 314 handled, replied, reviewed and rated on follow-up.
  const transferredRatings = [...Array(300).fill('satisfied'), ...Array(14).fill('dissatisfied')];
  await inPool(
    16,
    Array.from({ length: 318 }, (_, i) => async () => {
      const reply = await civic.logTicket('operator1', {
        ...call(5000 + i),
        type: 'complain',
        content: `投诉第${i}号：道路破损。`,
      });
      const caseId = reply.body.caseId as string;
      const [department, user] = i % 2 ? ['dept-transport', 'transport1'] : ['dept-housing', 'housing1'];
      await civic.must('dispatcher1', caseId, {
        type: 'transfer',
        departmentId: department,
        instructions: '请处理',
      });
      if (i >= 314) return;
      await civic.must(user, caseId, { type: 'sign' });
      await civic.must(user, caseId, { type: 'reply', content: '已修复。' });
      await civic.must('reviewer1', caseId, { type: 'review', approve: true });
      const satisfaction = transferredRatings[i] as string;
      await civic.must('operator1', caseId, {
        type: 'rate',
        resolved: satisfaction !== 'dissatisfied',
        satisfaction,
      });
    }),
  );
  // Counters follow the table streams: wait until they have caught up.
  await civic.settled();
}, 600_000);

afterAll(async () => {
  await server?.stop();
});

describe('the 12345 hotline figures', () => {
  it('GET /v1/stats shows exactly 98.74 % completed and 95.7 % satisfied', async () => {
    const stats = await civic.get(
      `/v1/stats?${new URLSearchParams({ ...period, kind: 'hotline' })}`,
      await civic.auth('leader1'),
    );
    expect(stats.status).toBe(200);
    expect(stats.body.totals).toMatchObject({
      received: 1282,
      accepted: 1282,
      directAnswers: 964,
      transferred: 318,
      completed: 314,
      rated: 1000,
      satisfied: 900,
      basicallySatisfied: 57,
      dissatisfied: 43,
    });
    expect(stats.body.rates).toMatchObject({
      completionRate: 98.74,
      satisfactionRate: 95.7,
      replyRate: 99.69,
    });
  });

  it('GET /v1/reports prints the work-report sentence', async () => {
    const report = await civic.get(
      `/v1/reports?${new URLSearchParams({ ...period, kind: 'hotline' })}`,
      await civic.auth('leader1'),
    );
    expect(report.status).toBe(200);
    expect(report.body.paragraph).toContain(
      '12345政府服务热线共接到有效来电1282件，其中直接答复964件，转办318件，办结314件，办结率98.74%，满意率95.7%。',
    );
  });

  it('ranks departments by completion rate', async () => {
    const ranking = await civic.get(
      `/v1/stats?${new URLSearchParams({ ...period, groupBy: 'department', sortBy: 'completionRate' })}`,
      await civic.auth('leader1'),
    );
    const groups = ranking.body.groups as {
      key: string;
      label: string;
      totals: { transferred: number; completed: number };
      rates: { completionRate: number };
    }[];
    expect(groups.map((g) => [g.key, g.label, g.totals.transferred, g.totals.completed])).toEqual([
      ['dept-housing', '住房和城乡建设局', 159, 157],
      ['dept-transport', '交通运输局', 159, 157],
    ]);
  });

  it('shows a department only its own figures', async () => {
    const own = await civic.get(`/v1/stats?${new URLSearchParams(period)}`, await civic.auth('housing1'));
    expect(own.body.scope).toEqual({ dimension: 'department', value: 'dept-housing' });
    expect((own.body.totals as { transferred: number }).transferred).toBe(159);
    const other = await civic.get(
      `/v1/stats?${new URLSearchParams({ ...period, departmentId: 'dept-transport' })}`,
      await civic.auth('housing1'),
    );
    expect(other.status).toBe(403);
    expect(
      (await civic.get(`/v1/stats?${new URLSearchParams(period)}`, await civic.auth('operator1'))).status,
    ).toBe(403);
  });

  it('exports the grouped figures as CSV and XLSX', async () => {
    const headers = await civic.auth('leader1');
    const csv = await fetch(
      `${civic.url}/v1/reports?${new URLSearchParams({ ...period, kind: 'hotline', format: 'csv' })}`,
      { headers },
    );
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('分组(group),名称(label),受理量(received)')).toBe(true);
    expect(text).toMatch(/\r\ntotal,合计,1282,1282,/);
    const xlsx = await fetch(
      `${civic.url}/v1/reports?${new URLSearchParams({ ...period, kind: 'hotline', format: 'xlsx' })}`,
      { headers },
    );
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const files = unzipSync(new Uint8Array(await xlsx.arrayBuffer()));
    const sheet = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('<t xml:space="preserve">合计</t>');
    expect(sheet).toContain('<v>98.74</v>');
    expect(sheet).toContain('<v>95.7</v>');
  });

  it('answers any combination of filters (the hotline × one department), and refuses a backwards period', async () => {
    const both = await civic.get(
      `/v1/stats?${new URLSearchParams({ ...period, kind: 'hotline', departmentId: 'dept-housing' })}`,
      await civic.auth('leader1'),
    );
    expect(both.status).toBe(200);
    const ranking = await civic.get(
      `/v1/stats?${new URLSearchParams({ ...period, kind: 'hotline', groupBy: 'department' })}`,
      await civic.auth('leader1'),
    );
    const housing = (ranking.body.groups as { key: string; totals: unknown }[]).find(
      (g) => g.key === 'dept-housing',
    );
    expect(both.body.totals).toEqual(housing?.totals);
    const backwards = await civic.get(`/v1/stats?from=2026-12-01&to=2026-01-01`, await civic.auth('leader1'));
    expect(backwards.status).toBe(400);
  });

  it('agrees with a recount of every case (npm run stats:verify)', async () => {
    const check = await civic.get('/local/stats/verify');
    expect(check.body.casesCounted).toBe(1282);
    expect(check.body.differences).toEqual([]);
  });
});
