import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { staffItem } from '../../shared/adapters/dynamo-staff-directory';
import { DEFAULT_TIME_LIMITS } from '../../shared/domain/time-limits';
import type { OfficeSettingsStore } from '../../shared/ports/office-settings';
import { type Handler, invoke, sampleEvent } from '../support/events';
import { inTestShape } from '../support/identity-shape';
import { functionHandler } from '../support/isolated-functions';
import { useLocalEnvironment } from '../support/local-environment';

/**
 * Settings changed by two administrators at the same moment (issue 12): one change wins, the other
 * is told so; the stored limits and the audit trail agree on which.
 */
let changeWithSlowReads: Handler;
let getTimeLimits: Handler;
let runtime: typeof import('../../shared/runtime/dependencies');

function changeBy(username: string, limits: unknown) {
  const event = sampleEvent('change-time-limits', { body: limits });
  return {
    ...event,
    requestContext: {
      ...event.requestContext,
      authorizer: { jwt: { claims: inTestShape({ username, 'cognito:groups': '[admin]' }), scopes: [] } },
    },
  };
}

beforeAll(async () => {
  const env = await useLocalEnvironment(inject('dynamoDbEndpoint'), inject('synthesizedApp'));
  const admin2 = { username: 'admin2', displayName: '孙丽', roles: ['admin'] as const, enabled: true };
  await env.documents.send(new PutCommand({ TableName: env.tableName('staff'), Item: staffItem(admin2, 1) }));
  getTimeLimits = await functionHandler('get-time-limits');
  runtime = await import('../../shared/runtime/dependencies');
  const { putTimeLimits } = await import('../../functions/change-time-limits');
  const { httpHandler } = await import('../../shared/http/http-handler');
  const settings = runtime.officeSettings();
  // Failure injection: every read waits, so both administrators read the same revision.
  const slowSettings: OfficeSettingsStore = {
    ...settings,
    read: async () => {
      const stored = await settings.read();
      await new Promise((resolve) => setTimeout(resolve, 150));
      return stored;
    },
  };
  changeWithSlowReads = httpHandler(putTimeLimits({ settings: slowSettings }), {
    jsonBody: true,
    staffDirectory: runtime.staffDirectory,
  }) as Handler;
});

describe('two administrators changing the time limits at once', () => {
  it('keeps exactly one change; the other gets 409 SETTINGS_CHANGED and leaves no trace', async () => {
    const byA = { ...DEFAULT_TIME_LIMITS, triage: 2 };
    const byB = { ...DEFAULT_TIME_LIMITS, triage: 3 };
    const [a, b] = await Promise.all([
      invoke(changeWithSlowReads, changeBy('admin1', byA)),
      invoke(changeWithSlowReads, changeBy('admin2', byB)),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error).toMatchObject({
      code: 'SETTINGS_CHANGED',
      message: expect.stringMatching(/管理员/),
    });
    const winner = a.status === 200 ? { who: 'admin1', limits: byA } : { who: 'admin2', limits: byB };
    const now = await invoke(getTimeLimits, sampleEvent('get-time-limits'));
    expect(now.body).toEqual(winner.limits);
    const audit = runtime.auditLog();
    const changes = async (actor: string) =>
      (await audit.byActor(actor, 50)).entries.filter((entry) => entry.action === 'change_time_limits');
    const loserWho = winner.who === 'admin1' ? 'admin2' : 'admin1';
    expect(await changes(loserWho)).toEqual([]);
    const [entry] = await changes(winner.who);
    expect(JSON.parse(entry?.before ?? '{}')).toEqual(DEFAULT_TIME_LIMITS);
    expect(JSON.parse(entry?.after ?? '{}')).toEqual(winner.limits);
  });
});
