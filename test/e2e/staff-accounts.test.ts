import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports';
import { CivicClient, errorCode } from '../support/civic-client';
import { sampleBody } from '../support/events';
import { type ServerProcess, startServerProcess } from '../support/server-process';

/**
 * Staff accounts administered in the product (issue 12): an administrator creates an operator who
 * signs in at once, moves a department user, and disables an account — whose unexpired token is
 * refused at its next request.
 */
let server: ServerProcess;
let civic: CivicClient;

beforeAll(async () => {
  server = await startServerProcess({
    PORT: String(await freePort()),
    CIVICLINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'civicline-staff-')),
    CIVICLINE_DATABASE: 'memory',
  });
  civic = new CivicClient(server.url);
});

afterAll(async () => {
  await server?.stop();
});

const OPERATOR = { username: 'operator2', displayName: '孙悦', roles: ['operator'], phone: '0571-87654321' };
const patch = async (username: string, body: unknown, as = 'admin1') =>
  civic.send('PATCH', `/v1/staff/${username}`, body, await civic.auth(as));

describe('an administrator running the staff accounts', () => {
  it('creates an operator who signs in locally and logs a call at once', async () => {
    const created = await civic.post('/v1/staff', OPERATOR, await civic.auth('admin1'));
    expect(created).toEqual({ status: 201, body: { ...OPERATOR, enabled: true } });
    const listed = await civic.get('/v1/staff', await civic.auth('admin1'));
    expect(listed.body.staff).toContainEqual({ ...OPERATOR, enabled: true });
    const me = await civic.get('/v1/me', await civic.auth('operator2'));
    expect(me.body).toMatchObject({ username: 'operator2', roles: [{ role: 'operator' }] });
    expect((await civic.logTicket('operator2', sampleBody('log-ticket'))).status).toBe(201);
    const audit = await civic.get('/v1/audit?userId=admin1', await civic.auth('admin1'));
    expect(audit.body.entries).toContainEqual(
      expect.objectContaining({ kind: 'admin_change', action: 'add_staff', caseId: 'staff:operator2' }),
    );
  });

  it('refuses a taken username, a department user without a department, and anyone but an administrator', async () => {
    const admin = await civic.auth('admin1');
    const again = await civic.post('/v1/staff', OPERATOR, admin);
    expect([again.status, errorCode(again)]).toEqual([409, 'STAFF_EXISTS']);
    const noDepartment = await civic.post(
      '/v1/staff',
      { username: 'urban1', displayName: '钱进', roles: ['department'] },
      admin,
    );
    expect([noDepartment.status, errorCode(noDepartment)]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(noDepartment.body)).toContain('承办单位账号必须指定所属单位');
    const unknown = await civic.post(
      '/v1/staff',
      { username: 'urban1', displayName: '钱进', roles: ['department'], departmentId: 'dept-none' },
      admin,
    );
    expect([unknown.status, errorCode(unknown)]).toEqual([400, 'UNKNOWN_DEPARTMENT']);
    const badName = await civic.post('/v1/staff', { ...OPERATOR, username: 'Operator 3' }, admin);
    expect(JSON.stringify(badName.body)).toContain('用户名须为');
    expect(
      (await civic.post('/v1/staff', { ...OPERATOR, username: 'x9x' }, await civic.auth('dispatcher1')))
        .status,
    ).toBe(403);
    expect((await patch('nobody1', { enabled: false })).status).toBe(404);
  });

  it('moves a department user to another department: their next request acts for it', async () => {
    const token = await civic.auth('water1');
    const moved = await patch('water1', { departmentId: 'dept-transport' });
    expect(moved.body).toMatchObject({ username: 'water1', departmentId: 'dept-transport' });
    // The same, unexpired token: the directory says which department it acts for now.
    const me = await civic.get('/v1/me', token);
    expect(me.body).toMatchObject({ department: { departmentId: 'dept-transport' } });
  });

  it('disables an account: its unexpired token is refused at its next request, and it cannot sign in', async () => {
    const token = await civic.auth('operator2');
    expect((await civic.get('/v1/me', token)).status).toBe(200);
    expect((await patch('operator2', { enabled: false })).body).toMatchObject({ enabled: false });
    const refused = await civic.get('/v1/me', token);
    expect([refused.status, errorCode(refused)]).toEqual([401, 'ACCOUNT_DISABLED']);
    expect((await civic.post('/local/login', { username: 'operator2' })).status).toBe(403);
    const audit = await civic.get('/v1/audit?userId=admin1', await civic.auth('admin1'));
    const change = (
      audit.body.entries as { action: string; caseId: string; before?: string; after?: string }[]
    ).find((entry) => entry.action === 'change_staff' && entry.caseId === 'staff:operator2');
    expect(JSON.parse(change?.before ?? '{}')).toMatchObject({ enabled: true });
    expect(JSON.parse(change?.after ?? '{}')).toMatchObject({ enabled: false });
  });

  it('never removes the last administrator', async () => {
    const lastAdmin = await patch('admin1', { roles: ['dispatcher'] });
    expect([lastAdmin.status, errorCode(lastAdmin)]).toEqual([409, 'LAST_ADMIN']);
    expect([(await patch('admin1', { enabled: false })).status]).toEqual([409]);
    // With a second administrator, the first may step down.
    const second = await civic.post(
      '/v1/staff',
      { username: 'admin2', displayName: '孙丽', roles: ['admin'] },
      await civic.auth('admin1'),
    );
    expect(second.status).toBe(201);
    expect((await patch('admin1', { roles: ['admin', 'leader'] })).status).toBe(200);
    expect((await patch('admin1', { roles: ['leader'] }, 'admin2')).status).toBe(200);
    expect((await patch('admin2', { enabled: false }, 'admin2')).status).toBe(409);
  });
});
