import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports';
import { CivicClient, errorCode, LETTER, type Reply } from '../support/civic-client';
import { type ServerProcess, startServerProcess } from '../support/server-process';

/**
 * Complainant protection and abuse resistance, against a server with the real limits (50
 * submissions per client per hour, 10 per phone per day, 5 wrong query codes per case).
 */
let server: ServerProcess;
let civic: CivicClient;
/** Letters this file has posted that passed the per-client limit (whatever happened next). */
let clientSubmissions = 0;
const secrets = new Set<string>();

const COMPLAINANT = {
  name: '王小明',
  phone: '13998765432',
  idNumber: '11010519491231002X',
  address: '幸福路8号',
  email: 'wangxm@example.cn',
};

beforeAll(async () => {
  server = await startServerProcess({
    PORT: String(await freePort()),
    CIVICLINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'civicline-security-')),
    CIVICLINE_DATABASE: 'memory',
    CIVICLINE_SUBMISSIONS_PER_CLIENT_HOUR: '50',
    CIVICLINE_SUBMISSIONS_PER_PHONE_DAY: '10',
    POWERTOOLS_LOG_LEVEL: 'DEBUG',
    // Powertools then logs every invocation event: still nothing personal, no credentials.
    POWERTOOLS_LOGGER_LOG_EVENT: 'true',
  });
  civic = new CivicClient(server.url);
});

afterAll(async () => {
  await server?.stop();
});

async function submit(changes: Record<string, unknown>): Promise<Reply> {
  const reply = await civic.post('/v1/letters', { ...LETTER, ...changes });
  if (reply.status === 201) clientSubmissions += 1;
  return reply;
}

async function complaint() {
  const content = `我是${COMPLAINANT.name}，电话${COMPLAINANT.phone}，身份证${COMPLAINANT.idNumber}，住${COMPLAINANT.address}，邮箱${COMPLAINANT.email}。隔壁餐馆油烟扰民。`;
  for (const value of Object.values(COMPLAINANT)) secrets.add(value);
  const reply = await submit({
    type: 'complain',
    title: `${COMPLAINANT.name}投诉餐馆油烟`,
    content,
    citizen: COMPLAINANT,
  });
  expect(reply.status).toBe(201);
  return reply.body as { caseId: string; queryCode: string };
}

describe('a complainant’s identity', () => {
  it('never reaches the department complained to, neither in the fields nor in the letter', async () => {
    const { caseId } = await complaint();
    await civic.must('dispatcher1', caseId, {
      type: 'transfer',
      departmentId: 'dept-market',
      instructions: `请联系${COMPLAINANT.name}核实`,
    });
    const view = await civic.viewAsStaff('market1', caseId);
    expect(view.status).toBe(200);
    const text = JSON.stringify(view.body);
    for (const secret of Object.values(COMPLAINANT)) expect(text).not.toContain(secret);
    expect(view.body.citizen).toEqual({ phone: '139****5432' });
    expect(view.body.content).toContain('139****5432');
    const list = JSON.stringify((await civic.list('market1')).body);
    expect(list).toContain(caseId);
    expect(list).not.toContain(COMPLAINANT.name);
    const notices = JSON.stringify(await civic.outbox(caseId));
    for (const secret of Object.values(COMPLAINANT)) expect(notices).not.toContain(secret);
  });

  it('is shown in full to the dispatcher, and that read is audited', async () => {
    const { caseId } = await complaint();
    const view = await civic.viewAsStaff('dispatcher1', caseId);
    expect(view.body.citizen).toMatchObject({
      name: COMPLAINANT.name,
      phone: COMPLAINANT.phone,
      idNumber: COMPLAINANT.idNumber,
    });
    const trail = await civic.get(`/v1/audit?caseId=${caseId}`, await civic.auth('admin1'));
    expect(trail.status).toBe(200);
    const entries = trail.body.entries as { kind: string; actor: string; action: string }[];
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'contact_read', actor: 'dispatcher1' }),
        expect.objectContaining({ kind: 'state_change', action: 'submit', actor: 'citizen' }),
      ]),
    );
    const byUser = await civic.get('/v1/audit?userId=dispatcher1', await civic.auth('admin1'));
    expect((byUser.body.entries as { caseId: string }[]).some((e) => e.caseId === caseId)).toBe(true);
    expect((await civic.get(`/v1/audit?caseId=${caseId}`, await civic.auth('leader1'))).status).toBe(403);
  });

  it('is masked for leaders', async () => {
    const { caseId } = await complaint();
    const view = await civic.viewAsStaff('leader1', caseId);
    expect(view.body.citizen).toEqual({ name: '王**', phone: '139****5432' });
    for (const secret of [COMPLAINANT.phone, COMPLAINANT.idNumber, COMPLAINANT.email, COMPLAINANT.name]) {
      expect(JSON.stringify(view.body)).not.toContain(secret);
    }
  });
});

describe('publication (公开信件)', () => {
  it('lists consented, reviewed cases only, without name, phone, ID, address or e-mail', async () => {
    const published = await complaint();
    const withheld = await submit({ publicConsent: false, citizen: { name: '赵六', phone: '13611112222' } });
    for (const { caseId } of [published, withheld.body as { caseId: string }]) {
      await civic.must('dispatcher1', caseId, {
        type: 'transfer',
        departmentId: 'dept-housing',
        instructions: '请处理',
      });
      await civic.must('housing1', caseId, { type: 'sign' });
      await civic.must('housing1', caseId, {
        type: 'reply',
        content: `已联系${COMPLAINANT.name}（${COMPLAINANT.phone}），责令餐馆加装油烟净化器。`,
      });
      await civic.must('reviewer1', caseId, { type: 'review', approve: true });
    }
    const list = await civic.get('/v1/public/cases');
    expect(list.status).toBe(200);
    const cases = list.body.cases as { caseId: string; content: string; reply: { content: string } }[];
    const ids = cases.map((c) => c.caseId);
    expect(ids).toContain(published.caseId);
    expect(ids).not.toContain((withheld.body as { caseId: string }).caseId);
    const text = JSON.stringify(cases);
    for (const secret of Object.values(COMPLAINANT)) expect(text).not.toContain(secret);
    expect(cases.find((c) => c.caseId === published.caseId)?.reply.content).toBe(
      '已联系某某（[电话已隐去]），责令餐馆加装油烟净化器。',
    );
  });
});

describe('locations', () => {
  it('are shown to staff in full and published only down to the street; bad points get 400 in Chinese', async () => {
    const location = { address: '深圳市南山区科技园南区高新南七道18号3栋', lat: 22.5431, long: 113.9532 };
    const reply = await submit({ title: '路灯不亮', content: '高新南七道路灯连续三晚不亮。', location });
    expect(reply.status).toBe(201);
    const { caseId } = reply.body as { caseId: string };
    const staff = await civic.viewAsStaff('dispatcher1', caseId);
    expect(staff.body.location).toEqual({ ...location, datum: 'GCJ-02' });
    await civic.must('dispatcher1', caseId, { type: 'answer', answer: '已通知路灯管理所今晚修复。' });
    const cases = (await civic.get('/v1/public/cases')).body.cases as {
      caseId: string;
      location?: unknown;
    }[];
    expect(cases.find((c) => c.caseId === caseId)?.location).toEqual({
      address: '深圳市南山区科技园南区高新南七道',
    });

    const refused = async (bad: Record<string, unknown>) => {
      const answer = await submit({ location: bad });
      expect(answer.status, JSON.stringify(bad)).toBe(400);
      return (answer.body.error as { details: { message: string }[] }).details[0]?.message;
    };
    expect(await refused({ lat: 91, long: 113 })).toBe('纬度须在 -90 到 90 之间');
    expect(await refused({ lat: 22.5 })).toBe('经度和纬度须同时提供');
    expect(await refused({ lat: 48.8566, long: 2.3522 })).toMatch(/GCJ-02 坐标只用于中国境内/);
    expect(await refused({})).toBe('请提供事发地址或坐标');
    const gps = await submit({ location: { lat: 48.8566, long: 2.3522, datum: 'WGS-84' } });
    expect(gps.status).toBe(201);
  });
});

describe('query codes', () => {
  it('cannot be brute-forced: after 5 wrong codes the case locks, even for the right code', async () => {
    const { caseId, queryCode } = await complaint();
    for (let i = 0; i < 5; i += 1) {
      expect((await civic.viewAsCitizen(caseId, `WRONG${i}XX`)).status).toBe(404);
    }
    const locked = await fetch(`${civic.url}/v1/cases/${caseId}`, { headers: { 'x-query-code': queryCode } });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await locked.json()) as { error: { message: string } }).error.message).toMatch(/锁定/);
  });
});

describe('submission limits', () => {
  it('refuse an 11th letter from one phone in a day', async () => {
    const phone = '13755556666';
    const replies: Reply[] = [];
    for (let i = 0; i < 11; i += 1) {
      const reply = await civic.post('/v1/letters', { ...LETTER, citizen: { name: '李四', phone } });
      clientSubmissions += 1;
      replies.push(reply);
    }
    expect(replies.slice(0, 10).every((r) => r.status === 201)).toBe(true);
    expect(replies[10]?.status).toBe(429);
    const eleventh = replies[10] as Reply;
    expect((eleventh.body.error as { message: string }).message).toContain('该手机号今日提交次数已达上限');
  });

  it('let a burst of 200 from one client create no more cases than the client’s limit', async () => {
    const allowed = 50 - clientSubmissions;
    const before = await letterCount();
    const replies = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        fetch(`${civic.url}/v1/letters`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            ...LETTER,
            citizen: { name: '刷单', phone: `135${String(10_000_000 + i).slice(-8)}` },
          }),
        }),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(allowed);
    expect(statuses.filter((s) => s === 429)).toHaveLength(200 - allowed);
    const refused = replies.find((r) => r.status === 429) as Response;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string; message: string } }).error).toEqual({
      code: 'RATE_LIMITED',
      message: '提交过于频繁，请稍后再试',
    });
    expect(await letterCount()).toBe(before + allowed);
  });
});

describe('the edge', () => {
  it('answers CORS only for the front ends the synthesized API allows (the site, from cdk.json)', async () => {
    const allowed = await fetch(`${civic.url}/v1/letters`, {
      method: 'OPTIONS',
      headers: { origin: 'https://12345.example.gov.cn', 'access-control-request-method': 'POST' },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://12345.example.gov.cn');
    const other = await fetch(`${civic.url}/v1/health`, { headers: { origin: 'https://evil.example.com' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses mass assignment of status, department or version on every write', async () => {
    const write = await civic.post('/v1/letters', {
      ...LETTER,
      status: 'closed',
      version: 9,
      departmentId: 'dept-water',
    });
    expect(errorCode(write)).toBe('VALIDATION_FAILED');
    const fields = (write.body.error as { details: { field: string }[] }).details.map((d) => d.field).sort();
    expect(fields).toEqual(['departmentId', 'status', 'version']);
  });

  it('writes no contact data and no staff token to the logs, even at debug level with event logging', async () => {
    const output = server.output();
    expect(output).toContain('Lambda invocation event');
    for (const secret of [...secrets, '13755556666', '13611112222']) expect(output).not.toContain(secret);
    const token = (await civic.auth('dispatcher1')).authorization?.replace('Bearer ', '') ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(output).not.toContain(token.split('.')[2]);
  });
});

async function letterCount(): Promise<number> {
  await civic.settled();
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const stats = await civic.get(`/v1/stats?from=${day}&to=${day}&kind=letter`, await civic.auth('leader1'));
  return (stats.body.totals as { received: number }).received;
}
