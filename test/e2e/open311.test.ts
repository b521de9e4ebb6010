import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { freePort } from '../../infra/local/ports';
import {
  geoReportDiscoverySchema,
  geoReportErrorSchema,
  geoReportPostResultSchema,
  geoReportRequestSchema,
  geoReportServiceDefinitionSchema,
  geoReportServiceSchema,
} from '../../shared/open311/georeport-schemas';
import { CivicClient } from '../support/civic-client';
import { type ServerProcess, startServerProcess } from '../support/server-process';

/**
 * A scripted 311 client, as an existing GeoReport v2 app would talk to us: it discovers the
 * endpoint, lists services, reads a definition, posts a request with its api_key (form-encoded),
 * polls it in JSON and XML, and sees it closed once the office has answered and the citizen rated.
 */
let server: ServerProcess;
let civic: CivicClient;
let base: string;
let apiKey: string;
let keyId: string;

const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) =>
    ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name),
});

beforeAll(async () => {
  server = await startServerProcess({
    PORT: String(await freePort()),
    CIVICLINE_DATA_DIR: mkdtempSync(join(tmpdir(), 'civicline-open311-')),
    CIVICLINE_DATABASE: 'memory',
  });
  civic = new CivicClient(server.url);
  base = `${server.url}/open311/v2`;
  const issued = await civic.post(
    '/v1/open311/keys',
    { name: '市民随手拍（测试）' },
    await civic.auth('admin1'),
  );
  expect(issued.status).toBe(201);
  apiKey = issued.body.apiKey as string;
  keyId = issued.body.keyId as string;
});

afterAll(async () => {
  await server?.stop();
});

async function getJson(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/${path}`, { headers });
  expect(response.headers.get('content-type')).toMatch(/^application\/json; charset=utf-8/);
  return { status: response.status, body: (await response.json()) as unknown };
}

async function getXml(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/${path}`, { headers });
  expect(response.headers.get('content-type')).toMatch(/^text\/xml; charset=utf-8/);
  const text = await response.text();
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  return { status: response.status, body: xml.parse(text) as Record<string, Record<string, unknown>> };
}

function postForm(format: 'json' | 'xml', fields: Record<string, string>) {
  return fetch(`${base}/requests.${format}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

const REQUEST = {
  service_code: 'complain',
  lat: '22.5431',
  long: '113.9532',
  address_string: '深圳市南山区科技园南区高新南七道18号',
  first_name: '小明',
  last_name: '王',
  phone: '13998765432',
  description: '高新南七道18号门前路灯连续三晚不亮，夜间行人很危险。',
  'attribute[public_consent]': 'yes',
};

describe('an Open311 GeoReport v2 client', () => {
  it('discovers the endpoint and lists the services, in JSON and XML alike', async () => {
    const discovery = await getJson('discovery.json');
    expect(geoReportDiscoverySchema.parse(discovery.body).endpoints[0]?.formats).toContain('text/xml');
    const services = z.array(geoReportServiceSchema).parse((await getJson('services.json')).body);
    expect(services.map((s) => s.service_code)).toEqual([
      'consult',
      'suggest',
      'complain',
      'help',
      'report',
      'praise',
    ]);
    const asXml = (await getXml('services.xml')).body.services?.service as Record<string, string>[];
    expect(asXml.map((s) => [s.service_code, s.service_name, s.metadata])).toEqual(
      services.map((s) => [s.service_code, s.service_name, String(s.metadata)]),
    );
    const definition = geoReportServiceDefinitionSchema.parse((await getJson('services/complain.json')).body);
    expect(definition.attributes.map((a) => a.code)).toEqual(['mailbox', 'public_consent', 'confidential']);
    const definitionXml = (await getXml('services/complain.xml')).body.service_definition as {
      attributes: { attribute: { code: string; values: { value: { key: string }[] } }[] };
    };
    expect(definitionXml.attributes.attribute[1]?.values.value.map((v) => v.key)).toEqual(['yes', 'no']);
    const unknown = await getJson('services/graffiti.json');
    expect(unknown.status).toBe(404);
    expect(z.array(geoReportErrorSchema).parse(unknown.body)[0]?.code).toBe(404);
  });

  it('posts a request with its api_key, follows it, and sees it closed after the lifecycle', async () => {
    const posted = await postForm('json', { api_key: apiKey, ...REQUEST });
    expect(posted.status).toBe(201);
    const [receipt] = z.array(geoReportPostResultSchema).parse(await posted.json());
    const caseId = receipt?.service_request_id as string;
    const queryCode = receipt?.query_code as string;
    expect(caseId).toMatch(/^XJ\d{14}$/);

    // Not published yet: 404 to the public, the citizen's own view with the query code.
    expect((await getJson(`requests/${caseId}.json`)).status).toBe(404);
    const own = z
      .array(geoReportRequestSchema)
      .parse((await getJson(`requests/${caseId}.json`, { 'x-query-code': queryCode })).body);
    expect(own[0]).toMatchObject({ status: 'open', service_code: 'complain', lat: 22.5431, long: 113.9532 });
    expect(own[0]?.description).toBe(REQUEST.description);
    expect(own[0]?.requested_datetime).toMatch(/\+08:00$/);
    const staff = await civic.viewAsStaff('dispatcher1', caseId);
    expect(staff.body).toMatchObject({ channel: 'open311', mailbox: 'mayor', publicConsent: true });
    expect((staff.body.citizen as { name: string }).name).toBe('王小明');

    await civic.replyApproved(caseId, {
      department: 'transport1',
      departmentId: 'dept-transport',
      instructions: '请修复路灯',
      reply: '已安排维修，当晚恢复照明。',
    });

    const listed = z
      .array(geoReportRequestSchema)
      .parse((await getJson(`requests.json?service_request_id=${caseId}`)).body);
    expect(listed[0]).toMatchObject({
      status: 'open',
      status_notes: '已安排维修，当晚恢复照明。',
      agency_responsible: '交通运输局',
      address: '深圳市南山区科技园南区高新南七道',
    });
    expect(listed[0]).not.toHaveProperty('lat');
    expect(JSON.stringify(listed)).not.toContain('王小明');
    const recent = z
      .array(geoReportRequestSchema)
      .parse((await getJson('requests.json?service_code=complain&status=open')).body);
    expect(recent.map((r) => r.service_request_id)).toContain(caseId);

    const rated = await civic.rateAsCitizen(caseId, queryCode, { satisfaction: 'satisfied', resolved: true });
    expect(rated.status).toBe(200);
    const closed = (await getXml(`requests/${caseId}.xml`)).body.service_requests?.request as Record<
      string,
      string
    >[];
    expect(closed[0]).toMatchObject({
      service_request_id: caseId,
      status: 'closed',
      description: REQUEST.description.replace('18号', '18号'),
    });
    expect((await getJson(`requests.json?service_request_id=${caseId}&status=closed`)).body).toHaveLength(1);
  });

  it('answers in XML too, refuses a bad key with 403 and bad input with 400, and never issues tokens', async () => {
    const asXml = await postForm('xml', { api_key: apiKey, ...REQUEST, service_code: 'suggest' });
    expect(asXml.status).toBe(201);
    const body = xml.parse(await asXml.text()) as { service_requests: { request: Record<string, string>[] } };
    expect(body.service_requests.request[0]?.service_request_id).toMatch(/^XJ/);

    const wrongKey = await postForm('json', {
      ...REQUEST,
      api_key: `o311.${'a'.repeat(12)}.${'b'.repeat(43)}`,
    });
    expect(wrongKey.status).toBe(403);
    expect(z.array(geoReportErrorSchema).parse(await wrongKey.json())[0]?.description).toMatch(/api_key/);
    const noPlace = await postForm('xml', {
      api_key: apiKey,
      ...REQUEST,
      lat: '',
      long: '',
      address_string: '',
    });
    expect(noPlace.status).toBe(400);
    const errors = xml.parse(await noPlace.text()) as {
      errors: { error: { code: string; description: string }[] };
    };
    expect(errors.errors.error[0]?.code).toBe('400');

    expect((await getJson('tokens/abc.json')).status).toBe(404);
    expect((await fetch(`${base}/services.html`)).status).toBe(404);
  });

  it('refuses a revoked key at its next use', async () => {
    const admin = await civic.auth('admin1');
    const listed = await civic.get('/v1/open311/keys', admin);
    expect(JSON.stringify(listed.body)).not.toContain(apiKey);
    const revoke = await fetch(`${server.url}/v1/open311/keys/${keyId}`, {
      method: 'DELETE',
      headers: admin,
    });
    expect(revoke.status).toBe(200);
    expect((await postForm('json', { api_key: apiKey, ...REQUEST })).status).toBe(403);
  });
});
