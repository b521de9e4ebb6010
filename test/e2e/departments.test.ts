import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports';
import { CivicClient, errorCode } from '../support/civic-client';
import { type ServerProcess, startServerProcess } from '../support/server-process';

/**
 * Departments administered in the product (issue 12): an administrator adds one when the
 * government reorganises, and deactivates one — never deletes it — when it is merged away.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'civicline-departments-'));
let server: ServerProcess;
let civic: CivicClient;
let port: number;

beforeAll(async () => {
  port = await freePort();
  server = await startServerProcess({ PORT: String(port), CIVICLINE_DATA_DIR: dataDir });
  civic = new CivicClient(server.url);
});

afterAll(async () => {
  await server?.stop();
});

const URBAN = {
  id: 'dept-urban',
  name: '城市管理局',
  description: '市容环境、违章搭建、占道经营',
  acceptsConsultations: true,
};
const listed = async () =>
  ((await civic.get('/v1/departments')).body.departments as { departmentId: string }[]).map(
    (d) => d.departmentId,
  );
const transferTo = (caseId: string, departmentId: string) =>
  civic.act('dispatcher1', caseId, { type: 'transfer', departmentId, instructions: '请核实处理' });
const patch = async (username: string, departmentId: string, body: unknown) =>
  civic.send('PATCH', `/v1/departments/${departmentId}`, body, await civic.auth(username));

describe('an administrator running the departments', () => {
  it('adds a department that shows in the list and takes a transfer at once', async () => {
    const added = await civic.post('/v1/departments', URBAN, await civic.auth('admin1'));
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      departmentId: 'dept-urban',
      name: '城市管理局',
      description: '市容环境、违章搭建、占道经营',
      acceptsConsultations: true,
      active: true,
    });
    expect(await listed()).toContain('dept-urban');
    const { caseId } = await civic.submitLetter();
    expect((await transferTo(caseId, 'dept-urban')).status).toBe(200);
    const audit = await civic.get('/v1/audit?userId=admin1', await civic.auth('admin1'));
    expect(audit.body.entries).toContainEqual(
      expect.objectContaining({
        kind: 'admin_change',
        action: 'add_department',
        caseId: 'department:dept-urban',
      }),
    );
  });

  it('refuses a taken id, a malformed one, and anyone but an administrator', async () => {
    const admin = await civic.auth('admin1');
    const again = await civic.post('/v1/departments', URBAN, admin);
    expect([again.status, errorCode(again)]).toEqual([409, 'DEPARTMENT_EXISTS']);
    const malformed = await civic.post('/v1/departments', { ...URBAN, id: 'Urban Dept' }, admin);
    expect([malformed.status, errorCode(malformed)]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(malformed.body)).toContain('单位编号须形如 dept-urban');
    expect(
      (await civic.post('/v1/departments', { ...URBAN, id: 'dept-x' }, await civic.auth('dispatcher1')))
        .status,
    ).toBe(403);
    expect((await patch('admin1', 'dept-none', { active: false })).status).toBe(404);
    expect((await patch('admin1', 'dept-urban', {})).status).toBe(400);
  });

  it('deactivates a department: no new transfers or consultations, its cases and the audit kept', async () => {
    const { caseId } = await civic.submitLetter();
    expect((await transferTo(caseId, 'dept-urban')).status).toBe(200);
    const deactivated = await patch('admin1', 'dept-urban', { active: false });
    expect(deactivated).toMatchObject({ status: 200, body: { departmentId: 'dept-urban', active: false } });
    expect(await listed()).not.toContain('dept-urban');
    const next = await civic.submitLetter();
    const refused = await transferTo(next.caseId, 'dept-urban');
    expect([refused.status, errorCode(refused)]).toEqual([400, 'UNKNOWN_DEPARTMENT']);
    const consultation = await civic.post('/v1/consultations', {
      departmentId: 'dept-urban',
      topic: '占道经营',
      question: '夜市摊位如何申请？',
      citizen: { name: '李四', phone: '13912345678' },
      publicConsent: false,
      channel: 'web',
    });
    expect([consultation.status, errorCode(consultation)]).toEqual([400, 'UNKNOWN_DEPARTMENT']);
    // The case it already had stays with it.
    const view = (await civic.viewAsStaff('dispatcher1', caseId)).body;
    expect(view).toMatchObject({ status: 'handling', department: { departmentId: 'dept-urban' } });
    const audit = await civic.get('/v1/audit?userId=admin1', await civic.auth('admin1'));
    const change = (audit.body.entries as { action: string; before?: string; after?: string }[]).find(
      (entry) => entry.action === 'change_department',
    );
    expect(JSON.parse(change?.before ?? '{}')).toMatchObject({ active: true });
    expect(JSON.parse(change?.after ?? '{}')).toMatchObject({ active: false });
  });

  it('keeps an administrator’s change across a restart (the demo seed adds only what is missing)', async () => {
    expect((await patch('admin1', 'dept-market', { name: '市场监督管理局（知识产权局）' })).status).toBe(200);
    await server.stop();
    server = await startServerProcess({ PORT: String(port), CIVICLINE_DATA_DIR: dataDir });
    civic = new CivicClient(server.url);
    const departments = (await civic.get('/v1/departments')).body.departments as {
      departmentId: string;
      name: string;
    }[];
    expect(departments.find((d) => d.departmentId === 'dept-market')?.name).toBe(
      '市场监督管理局（知识产权局）',
    );
    expect(departments.map((d) => d.departmentId)).not.toContain('dept-urban');
  });
});
