import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localOidcClaims } from '../../infra/local/local-identity';
import { freePort } from '../../infra/local/ports';
import { CivicClient, errorCode } from '../support/civic-client';
import { type ServerProcess, startServerProcess } from '../support/server-process';

/** The identity platform's token shape, as cdk.json describes it. */
const LOCAL_OIDC_CLAIMS = localOidcClaims();

/**
 * Staff tokens of a city's identity platform (统一身份认证, issue 15), as the China stack trusts
 * them: `CIVICLINE_IDENTITY=oidc` runs the China variant's functions with a local issuer that
 * mints that platform's shape — other claim names, Chinese group names for roles, its own scope.
 */
let server: ServerProcess;
let civic: CivicClient;
const dataDir = mkdtempSync(join(tmpdir(), 'civicline-oidc-'));

beforeAll(async () => {
  server = await startServerProcess({
    PORT: String(await freePort()),
    CIVICLINE_DATA_DIR: dataDir,
    CIVICLINE_DATABASE: 'memory',
    CIVICLINE_IDENTITY: 'oidc',
  });
  civic = new CivicClient(server.url);
});

afterAll(async () => {
  await server?.stop();
});

/** The texts the local SMS stand-in accepted for one phone, once there are `count` of them. */
async function textsTo(phone: string, count: number): Promise<Record<string, unknown>[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const texts = (await civic.get(`/local/sms?phone=${phone}`)).body.texts as Record<string, unknown>[];
    if (texts.length >= count || Date.now() > deadline) return texts;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const tokenOf = async (username: string) =>
  decodeJwt(String((await civic.auth(username)).authorization).replace('Bearer ', ''));

describe('staff signed in with the city’s identity platform', () => {
  it('carry the platform’s claims, not Cognito’s', async () => {
    const housing = await tokenOf('housing1');
    expect(housing).toMatchObject({
      preferred_username: 'housing1',
      groups: ['承办单位'],
      org_code: 'dept-housing',
      aud: 'civicline-local-console',
      scope: `openid ${LOCAL_OIDC_CLAIMS.scope}`,
    });
    expect(housing).not.toHaveProperty('cognito:groups');
    expect(housing).not.toHaveProperty('username');
  });

  it('take a letter through its whole lifecycle, each role read from the platform’s groups', async () => {
    const { caseId, queryCode } = await civic.submitLetter({ title: '统一身份认证下的来信' });
    // The department is the platform's org_code, checked against the directory.
    await civic.replyApproved(caseId, {
      department: 'housing1',
      departmentId: 'dept-housing',
      instructions: '请核实处理',
      reply: '已处理。',
    });
    const asStaff = await civic.viewAsStaff('leader1', caseId);
    expect(asStaff.status).toBe(200);
    expect(asStaff.body.status).toBe('replied');
    expect((await civic.viewAsStaff('water1', caseId)).status).toBe(404);
    const asCitizen = await civic.get(`/v1/cases/${caseId}`, { 'x-query-code': queryCode });
    expect(asCitizen.body.statusLabel).toBe('已答复（待评价）');
  });

  it('texts the citizen through the SMS provider, registered templates with the case number only', async () => {
    const phone = '13900001111';
    const { caseId } = await civic.submitLetter({ citizen: { name: '李四', phone } });
    await civic.replyApproved(caseId, {
      department: 'housing1',
      departmentId: 'dept-housing',
      instructions: '请处理',
      reply: '李四反映的噪音问题已处理。',
    });
    const texts = await textsTo(phone, 2);
    expect(texts.map((text) => text.content)).toEqual([
      `【某市12345热线】您的诉求${caseId}已答复，请凭查询码查看。`,
      `【某市12345热线】请对诉求${caseId}的办理结果进行评价（满意/基本满意/不满意），凭查询码评价。`,
    ]);
    // Parameters carry the case number only: no name, no reply, nothing the citizen wrote.
    for (const text of texts) expect(text.parameters).toEqual({ caseId });
    const sentIds = texts.map((text) => text.outId);
    const outbox = await civic.outbox(caseId);
    const citizenNotices = outbox.filter((notice) => 'citizen' in notice.audience);
    expect(citizenNotices.map((notice) => notice.notificationId).sort()).toEqual([...sentIds].sort());
    // A staff notice is not texted to the citizen.
    expect(outbox.some((notice) => notice.kind === 'reply_to_review')).toBe(true);
  });

  it('refuses a role the platform’s groups do not grant, and an administrator manages the directory only', async () => {
    const refused = await civic.act('housing1', (await civic.submitLetter()).caseId, {
      type: 'transfer',
      departmentId: 'dept-water',
      instructions: '转水利局',
    });
    expect([403, 404]).toContain(refused.status);
    const created = await civic.post(
      '/v1/staff',
      { username: 'operator9', displayName: '周敏', roles: ['operator'] },
      await civic.auth('admin1'),
    );
    expect(created.status).toBe(201);
    expect((await tokenOf('operator9')).groups).toEqual(['12345接线员']);
    const me = await civic.get('/v1/me', await civic.auth('operator9'));
    expect(me.body).toMatchObject({ username: 'operator9' });
  });

  it('answers 401 without a token and 403 for a signed token without the platform’s scope', async () => {
    const letter = await civic.submitLetter();
    const path = `/v1/cases/${letter.caseId}/actions`;
    expect((await civic.post(path, { type: 'answer', answer: '已答复' })).status).toBe(401);
    // Signed by the issuer itself (its key in the data folder): an ID token has no API scope.
    const jwk = JSON.parse(readFileSync(join(dataDir, 'issuer-key.json'), 'utf8')) as JWK;
    const key = await importJWK(jwk, 'RS256');
    const idToken = await new SignJWT({
      preferred_username: 'dispatcher1',
      groups: ['派单员'],
      aud: 'civicline-local-console',
    })
      .setProtectedHeader({ alg: 'RS256', ...(jwk.kid ? { kid: jwk.kid } : {}) })
      .setIssuer(`${server.url}/local/issuer`)
      .setExpirationTime('10m')
      .sign(key);
    const scopeless = await civic.post(
      path,
      { type: 'answer', answer: '已答复' },
      { authorization: `Bearer ${idToken}` },
    );
    expect(scopeless.status).toBe(403);
    expect(errorCode(scopeless)).toBeUndefined();
  });
});
