import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/ports';
import { openApiDocument } from '../../shared/contract/openapi-document';
import { contentSecurityPolicy, LOCAL_SITE_CONFIG } from '../../shared/contract/site-config';
import { runStartToExit, type ServerProcess, startServerProcess } from '../support/server-process';

const dataDir = mkdtempSync(join(tmpdir(), 'civicline-e2e-'));
let server: ServerProcess;
let port: number;

beforeAll(async () => {
  port = await freePort();
  server = await startServerProcess({ PORT: String(port), CIVICLINE_DATA_DIR: dataDir });
});

afterAll(async () => {
  await server?.stop();
});

const letterBody = {
  mailbox: 'mayor',
  type: 'complain',
  title: '小区噪音扰民',
  content: '夜间施工噪音严重，请协调处理。',
  citizen: { name: '张三', phone: '13812345678' },
  publicConsent: true,
  channel: 'web',
};

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

async function login(username: string) {
  return (await post('/local/login', { username })).body.accessToken as string;
}

describe('the published contract', () => {
  it('serves the OpenAPI document the code builds, and renders it at /docs from local files', async () => {
    const served = await fetch(`${server.url}/v1/openapi.json`);
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual(openApiDocument('/'));
    const docs = await fetch(`${server.url}/docs`);
    expect(docs.headers.get('content-type')).toMatch(/^text\/html/);
    const page = await docs.text();
    expect(page).toContain('/v1/openapi.json');
    const script = /src="(\/docs\/assets\/[^"]+)"/.exec(page)?.[1];
    const renderer = await fetch(`${server.url}${script}`);
    expect(renderer.status).toBe(200);
    expect((await renderer.text()).length).toBeGreaterThan(100_000);
    expect((await fetch(`${server.url}/docs/assets/../../package.json`)).status).toBe(404);
  });

  it('lists the departments a consultation can go to, cacheable, and refuses one that does not exist', async () => {
    const listed = await fetch(`${server.url}/v1/departments`);
    expect(listed.headers.get('cache-control')).toBe('public, max-age=300');
    const { departments } = (await listed.json()) as {
      departments: { departmentId: string; name: string }[];
    };
    expect(departments.map((d) => d.departmentId)).toEqual([
      'dept-housing',
      'dept-market',
      'dept-transport',
      'dept-water',
    ]);
    expect(departments.every((d) => d.name.length > 0)).toBe(true);
    const consultation = {
      topic: '公积金提取',
      question: '租房提取公积金需要哪些材料？',
      citizen: { name: '李四', phone: '13912345678' },
      publicConsent: false,
      channel: 'miniprogram',
    };
    expect((await post('/v1/consultations', { ...consultation, departmentId: 'dept-housing' })).status).toBe(
      201,
    );
    const unknown = await post('/v1/consultations', { ...consultation, departmentId: 'dept-none' });
    expect(unknown.status).toBe(400);
    expect((unknown.body.error as { code: string }).code).toBe('UNKNOWN_DEPARTMENT');
  });
});

describe('npm start', () => {
  it('serves both apps under the site’s Content-Security-Policy, and the local /config.json', async () => {
    // The pages may post attached files to the S3 stand-in, and call nothing else off their origin.
    const s3 = /S3 stand-in (http:\/\/[\d.:]+)/.exec(server.output())?.[1];
    expect(s3).toBeDefined();
    for (const page of ['/', '/console/']) {
      const response = await fetch(`${server.url}${page}`);
      expect(response.status, page).toBe(200);
      expect(response.headers.get('content-security-policy'), page).toBe(contentSecurityPolicy([s3 ?? '']));
    }
    const config = await fetch(`${server.url}/config.json`);
    expect(await config.json()).toEqual(LOCAL_SITE_CONFIG);
  });

  it('prints the URL and every demo account', () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    for (const user of [
      'operator1',
      'dispatcher1',
      'reviewer1',
      'leader1',
      'admin1',
      'housing1',
      'transport1',
      'water1',
      'market1',
    ]) {
      expect(server.output()).toContain(user);
    }
  });

  it('runs the app the test run synthesized once, not a synthesis of its own', () => {
    expect(server.output()).toContain('Using the CDK app synthesized in');
    expect(server.output()).not.toContain('Synthesizing the CDK app');
  });

  it('answers health once everything is up', async () => {
    const response = await fetch(`${server.url}/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('takes a letter and shows it to whoever holds the query code (the README walk-through)', async () => {
    const submitted = await post('/v1/letters', letterBody);
    expect(submitted.status).toBe(201);
    const { caseId, queryCode } = submitted.body as { caseId: string; queryCode: string };
    const read = await fetch(`${server.url}/v1/cases/${caseId}`, { headers: { 'X-Query-Code': queryCode } });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ caseId, status: 'submitted', statusLabel: '待受理' });
    const wrong = await fetch(`${server.url}/v1/cases/${caseId}`, {
      headers: { 'X-Query-Code': 'AAAAAAAA' },
    });
    expect(wrong.status).toBe(404);
  });

  it('verifies staff tokens like the API Gateway JWT authorizer and passes the claims on', async () => {
    const token = await login('housing1');
    const me = await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      username: 'housing1',
      roles: [{ role: 'department', label: '承办单位' }],
      department: { departmentId: 'dept-housing', name: '住房和城乡建设局' },
    });
    const noToken = await fetch(`${server.url}/v1/me`);
    expect(noToken.status).toBe(401);
    const forged = `${token.slice(0, -4)}AAAA`;
    const tampered = await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${forged}` } });
    expect(tampered.status).toBe(401);
    expect((await post('/local/login', { username: 'nobody' })).status).toBe(404);
  });

  it('refuses a second server on the same port with a clear message', async () => {
    const result = await runStartToExit({
      PORT: String(port),
      CIVICLINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'civicline-e2e-')),
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`Port ${port} on 127.0.0.1 is already in use`);
  });

  it('keeps every case across a restart, and Ctrl-C stops DynamoDB Local too', async () => {
    const { caseId, queryCode } = (await post('/v1/letters', letterBody)).body as {
      caseId: string;
      queryCode: string;
    };
    const oldDatabase = server.dynamoDbEndpoint;
    expect(await server.stop('SIGINT')).toBe(0);
    await expect(fetch(oldDatabase)).rejects.toThrow();
    server = await startServerProcess({ PORT: String(port), CIVICLINE_DATA_DIR: dataDir });
    const read = await fetch(`${server.url}/v1/cases/${caseId}`, { headers: { 'X-Query-Code': queryCode } });
    expect(read.status).toBe(200);
    const token = await login('leader1');
    expect(
      (await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
  });
});

describe('start-up problems a developer can fix', () => {
  it('names the Debian package when Java is missing', async () => {
    const result = await runStartToExit({ PATH: '/nonexistent', PORT: String(await freePort()) });
    expect(result.code).toBe(1);
    expect(result.output).toContain('apt-get install -y openjdk-17-jre-headless');
  });

  it('names the two places the database can be kept', async () => {
    const result = await runStartToExit({
      PORT: String(await freePort()),
      CIVICLINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'civicline-e2e-')),
      CIVICLINE_DATABASE: 'disk',
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain('CIVICLINE_DATABASE must be file or memory, not disk');
  });

  it('says which port is busy even when something else holds it', async () => {
    const blocker = createServer();
    const busy = await freePort();
    await new Promise<void>((resolve) => blocker.listen(busy, '127.0.0.1', resolve));
    try {
      const result = await runStartToExit({
        PORT: String(busy),
        CIVICLINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'civicline-e2e-')),
      });
      expect(result.output).toContain(`Port ${busy} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });
});
