import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type LocalSmsProvider, startLocalSmsProvider } from '../../infra/local/sms/local-sms-provider';
import type { LocalStreamMappings } from '../../infra/local/stream-mappings';
import type { AliyunSmsSettings } from '../../shared/adapters/aliyun-sms-settings';
import { CITIZEN_TEXT_KINDS, CITIZEN_TEXT_TEMPLATES } from '../../shared/domain/lifecycle/citizen-texts';
import type { Notification } from '../../shared/ports/notifier';
import type { DeliveryDependencies } from '../../shared/use-cases/deliver-notification';
import { type Handler, invoke, sampleEvent } from '../support/events';
import { inTestShape } from '../support/identity-shape';
import { functionHandler } from '../support/isolated-functions';
import { type LocalEnvironment, storedNotice, useLocalEnvironment } from '../support/local-environment';
import { notificationDelivery, useLocalStreams } from '../support/local-streams';
import { type LocalWorkflow, useLocalWorkflow } from '../support/local-workflow';

/**
 * Citizens texted through Alibaba Cloud SMS (issue 15, the China stack): the real adapter and SDK
 * against the provider's local stand-in, which checks the signature, sign name, template and
 * parameters; notices from the outbox's stream of real handlers' writes on DynamoDB Local. The
 * provider's error answers lose nothing and send nothing twice.
 */
const ACCESS_KEY = { accessKeyId: 'LTAItest', accessKeySecret: 'integration-secret' };
const SIGN_NAME = '某市12345热线';
const REGISTERED = Object.fromEntries(
  CITIZEN_TEXT_KINDS.map((kind, i) => [kind, `SMS_70000${i + 1}`]),
) as AliyunSmsSettings['templates'];

let env: LocalEnvironment;
let workflow: LocalWorkflow;
let streams: LocalStreamMappings;
let provider: LocalSmsProvider;
let submitLetter: Handler;
let actOnCase: Handler;
let deps: DeliveryDependencies;
/** What the function is configured with: a test may name a template the city never registered. */
let templates = { ...REGISTERED };

beforeAll(async () => {
  env = await useLocalEnvironment(inject('dynamoDbEndpoint'), inject('synthesizedApp'));
  workflow = await useLocalWorkflow(inject('synthesizedApp'));
  provider = await startLocalSmsProvider({
    host: '127.0.0.1',
    accessKey: ACCESS_KEY,
    signName: SIGN_NAME,
    templates: CITIZEN_TEXT_KINDS.map((kind) => ({
      code: REGISTERED[kind],
      text: CITIZEN_TEXT_TEMPLATES[kind],
    })),
  });
  const runtime = {
    ...(await import('../../shared/runtime/dependencies')),
    ...(await import('../../shared/runtime/clients')),
  };
  const { aliyunSms } = await import('../../shared/adapters/aliyun-sms');
  const { dynamoOutboxLedger } = await import('../../shared/adapters/dynamo-outbox-notifier');
  deps = {
    outbox: dynamoOutboxLedger(runtime.documentClient(), env.tableName('notifications')),
    texting: {
      sender: {
        send: (message) =>
          aliyunSms(
            { endpoint: provider.endpoint, signName: SIGN_NAME, templates },
            async () => ACCESS_KEY,
          ).send(message),
      },
      cases: runtime.caseStore(),
      vault: runtime.contactVault(),
    },
    clock: runtime.clock(),
  };
  streams = await useLocalStreams(inject('dynamoDbEndpoint'), env, {
    'deliver-notifications': await notificationDelivery(deps),
  });
  submitLetter = await functionHandler('submit-letter');
  actOnCase = await functionHandler('act-on-case');
});

afterAll(async () => {
  await streams?.stop();
  await workflow?.close();
  await provider?.stop();
});

const DISPATCHER = inTestShape({ username: 'dispatcher1', 'cognito:groups': '[dispatcher]' });

async function letterFrom(phone: string): Promise<string> {
  const event = sampleEvent('submit-letter');
  const body = JSON.parse(String(event.body)) as Record<string, unknown>;
  const reply = await invoke(submitLetter, {
    ...event,
    body: JSON.stringify({ ...body, citizen: { name: '王五', phone } }),
  });
  expect(reply.status).toBe(201);
  return (reply.body as { caseId: string }).caseId;
}

async function reject(caseId: string): Promise<void> {
  const event = sampleEvent('act-on-case', {
    body: { type: 'reject', reason: '王五反映的事项不属于本市管辖' },
    headers: { 'content-type': 'application/json' },
    pathParameters: { caseId },
  });
  const reply = await invoke(actOnCase, {
    ...event,
    requestContext: { ...event.requestContext, authorizer: { jwt: { claims: DISPATCHER, scopes: [] } } },
  });
  expect(reply.status).toBe(200);
}

const textsTo = (phone: string) => provider.sent.filter((text) => text.phone === phone);

describe('a notice for the citizen', () => {
  it('goes out once as the registered template, signed, with the case number as its only parameter', async () => {
    const phone = '13700000001';
    const caseId = await letterFrom(phone);
    await reject(caseId);
    await streams.drained();
    expect(textsTo(phone)).toMatchObject([
      {
        signName: SIGN_NAME,
        templateCode: REGISTERED.rejected,
        parameters: { caseId },
        content: `【${SIGN_NAME}】您的诉求${caseId}不予受理，理由请凭查询码查看。`,
      },
    ]);
    // The reason (which names the citizen) stays behind the query code.
    expect(JSON.stringify(textsTo(phone))).not.toContain('王五');
    // A redelivered record finds the notice delivered: no second text.
    const notice = (await storedNotice(env, caseId, 'rejected')) as unknown as Notification & {
      deliveredAt?: string;
    };
    expect(notice.deliveredAt).toBeDefined();
    await (await import('../../shared/use-cases/deliver-notification')).deliverNotification(deps, notice);
    expect(textsTo(phone)).toHaveLength(1);
  });

  it('waits out the provider’s throttling and its faults, then goes out exactly once', async () => {
    const phone = '13700000002';
    const caseId = await letterFrom(phone);
    provider.answerNext('isv.BUSINESS_LIMIT_CONTROL', 2);
    provider.answerNext('isp.SYSTEM_ERROR');
    await reject(caseId);
    await streams.drained();
    expect(textsTo(phone).map((text) => text.parameters.caseId)).toEqual([caseId]);
    expect(streams.listFailures()).toEqual([]);
  });

  it('to a template the provider does not know goes to the failure destination, unsent, and out once redriven', async () => {
    const phone = '13700000003';
    const caseId = await letterFrom(phone);
    templates = { ...REGISTERED, rejected: 'SMS_999999' };
    await reject(caseId);
    await streams.drained();
    expect(textsTo(phone)).toEqual([]);
    const failures = streams.listFailures().filter((failure) => !failure.redrivenAt);
    expect(failures).toHaveLength(1);
    expect(failures[0]?.functionName).toBe('deliver-notifications');
    // The city registers the template (or fixes cdk.json); the operator redrives.
    templates = { ...REGISTERED };
    expect(await streams.redrive()).toBe(1);
    expect(textsTo(phone).map((text) => text.parameters.caseId)).toEqual([caseId]);
  });

  it('to a landline is not texted, and counts as delivered (it waits behind the query code)', async () => {
    const phone = '0755-86001234';
    const caseId = await letterFrom(phone);
    const before = provider.sent.length;
    await reject(caseId);
    await streams.drained();
    expect(provider.sent.length).toBe(before);
    expect(streams.listFailures().filter((failure) => !failure.redrivenAt)).toEqual([]);
  });

  it('is refused by the provider when signed with another secret', async () => {
    const { aliyunSms } = await import('../../shared/adapters/aliyun-sms');
    const forged = aliyunSms(
      { endpoint: provider.endpoint, signName: SIGN_NAME, templates: REGISTERED },
      async () => ({
        ...ACCESS_KEY,
        accessKeySecret: 'guessed',
      }),
    );
    await expect(
      forged.send({
        phone: '13700000004',
        text: { kind: 'reply_ready', parameters: { caseId: 'XJ20261205000001' } },
        reference: 'forged',
      }),
    ).rejects.toMatchObject({ name: 'TextMessageRefused', code: 'SignatureDoesNotMatch', retryable: false });
    expect(textsTo('13700000004')).toEqual([]);
  });
});
