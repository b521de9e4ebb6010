import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkAcs3Signature } from './acs3-signature';

/** A template the city registered: its code and its text with `${name}` parameters. */
export interface RegisteredTemplate {
  readonly code: string;
  readonly text: string;
}

/** A text the stand-in accepted, as the phone would show it. */
export interface SentText {
  readonly phone: string;
  readonly signName: string;
  readonly templateCode: string;
  readonly parameters: Readonly<Record<string, string>>;
  /** 【签名】 and the template filled in. */
  readonly content: string;
  readonly outId?: string;
  readonly bizId: string;
  readonly at: string;
}

export interface LocalSmsProvider {
  /** `http://host:port`: the endpoint the SMS adapter is configured with. */
  readonly endpoint: string;
  readonly sent: readonly SentText[];
  /** The next `times` SendSms calls are answered with this business error code (throttled…). */
  answerNext(code: keyof typeof BUSINESS_ERRORS, times?: number): void;
  stop(): Promise<void>;
}

/** The provider's business answers (HTTP 200, a Code other than OK), as its documentation words them. */
const BUSINESS_ERRORS = {
  'isv.BUSINESS_LIMIT_CONTROL': '触发号码天级流控Permits:10',
  'isv.SMS_TEMPLATE_ILLEGAL': '该账号下找不到对应模板',
  'isv.SMS_SIGNATURE_ILLEGAL': '该账号下找不到对应签名',
  'isv.MOBILE_NUMBER_ILLEGAL': '手机号码格式错误',
  'isv.TEMPLATE_MISSING_PARAMETERS': '模板变量中存在未赋值变量',
  'isv.TEMPLATE_PARAMS_ILLEGAL': '传入的变量内容和实际申请模板时变量所选择的属性类型不配',
  'isp.SYSTEM_ERROR': 'isp.SYSTEM_ERROR',
} as const;

const API_VERSION = '2017-05-25';
/** The provider refuses a request dated further than this from its own clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;
const MOBILE = /^(\+?86)?1[3-9]\d{9}$/;
/** What the provider allows in one template variable (a number, a case id: short). */
const MAX_PARAMETER_LENGTH = 35;

/**
 * A stand-in for Alibaba Cloud SMS's SendSms (dysmsapi, 2017-05-25) on this machine: it checks
 * the request as the provider does — the V3 signature with the AccessKey it was given, the date
 * and nonce, the API version, the registered sign name and template, the template's parameters —
 * and answers in the provider's shape, the error answers included (`answerNext` for throttling and
 * the provider's own faults). What it accepted is kept in memory, for tests and `/local/sms`.
 */
export async function startLocalSmsProvider(options: {
  readonly host: string;
  readonly accessKey: { readonly accessKeyId: string; readonly accessKeySecret: string };
  readonly signName: string;
  readonly templates: readonly RegisteredTemplate[];
}): Promise<LocalSmsProvider> {
  const sent: SentText[] = [];
  const scripted: (keyof typeof BUSINESS_ERRORS)[] = [];
  const nonces = new Set<string>();
  const templates = new Map(options.templates.map((template) => [template.code, template.text]));

  const answer = (
    request: IncomingMessage,
    body: Buffer,
  ): { status: number; body: Record<string, unknown> } => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const rawQuery = (request.url ?? '').split('?')[1] ?? '';
    const signature = checkAcs3Signature(
      { method: request.method ?? '', path: url.pathname, rawQuery, headers: request.headers, body },
      (id) => (id === options.accessKey.accessKeyId ? options.accessKey.accessKeySecret : undefined),
    );
    if (!signature.ok) return clientError(signature.code, signature.message);
    if (request.method !== 'POST' || url.pathname !== '/') return clientError('InvalidAction', 'POST / only');
    if (request.headers['x-acs-action'] !== 'SendSms') {
      return clientError('InvalidAction.NotFound', `${request.headers['x-acs-action']} is not served here`);
    }
    if (request.headers['x-acs-version'] !== API_VERSION) {
      return clientError('InvalidVersion', `Specified parameter Version is not valid.`);
    }
    const date = Date.parse(String(request.headers['x-acs-date']));
    if (!Number.isFinite(date) || Math.abs(Date.now() - date) > MAX_SKEW_MS) {
      return clientError('InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    }
    const nonce = String(request.headers['x-acs-signature-nonce']);
    if (nonces.has(nonce))
      return clientError('SignatureNonceUsed', 'Specified signature nonce was used already.');
    nonces.add(nonce);

    const form = new URLSearchParams(rawQuery);
    if (String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
      for (const [name, value] of new URLSearchParams(body.toString('utf8'))) form.set(name, value);
    }
    for (const name of ['PhoneNumbers', 'SignName', 'TemplateCode']) {
      if (!form.get(name)) return clientError(`Missing${name}`, `${name} is mandatory for this action.`);
    }
    const scriptedCode = scripted.shift();
    if (scriptedCode) return business(scriptedCode);
    const phones = String(form.get('PhoneNumbers')).split(',');
    if (!phones.every((phone) => MOBILE.test(phone))) return business('isv.MOBILE_NUMBER_ILLEGAL');
    if (form.get('SignName') !== options.signName) return business('isv.SMS_SIGNATURE_ILLEGAL');
    const templateCode = String(form.get('TemplateCode'));
    const text = templates.get(templateCode);
    if (text === undefined) return business('isv.SMS_TEMPLATE_ILLEGAL');
    let parameters: Record<string, string>;
    try {
      parameters = JSON.parse(form.get('TemplateParam') ?? '{}') as Record<string, string>;
    } catch {
      return business('isv.TEMPLATE_PARAMS_ILLEGAL');
    }
    const variables = [...text.matchAll(/\$\{(\w+)\}/g)].map(([, name]) => name as string);
    if (variables.some((name) => typeof parameters[name] !== 'string')) {
      return business('isv.TEMPLATE_MISSING_PARAMETERS');
    }
    if (
      Object.keys(parameters).some((name) => !variables.includes(name)) ||
      Object.values(parameters).some((value) => String(value).length > MAX_PARAMETER_LENGTH)
    ) {
      return business('isv.TEMPLATE_PARAMS_ILLEGAL');
    }
    const bizId = `${Date.now()}^${randomUUID().slice(0, 8)}`;
    const outId = form.get('OutId') ?? undefined;
    for (const phone of phones) {
      sent.push({
        phone,
        signName: options.signName,
        templateCode,
        parameters,
        content: `【${options.signName}】${text.replace(/\$\{(\w+)\}/g, (_, name: string) => parameters[name] ?? '')}`,
        ...(outId ? { outId } : {}),
        bizId,
        at: new Date().toISOString(),
      });
    }
    return { status: 200, body: { Code: 'OK', Message: 'OK', BizId: bizId, RequestId: randomUUID() } };
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const reply = answer(request, Buffer.concat(chunks));
      response.writeHead(reply.status, { 'content-type': 'application/json;charset=utf-8' });
      response.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${options.host}:${port}`,
    sent,
    answerNext(code, times = 1) {
      for (let i = 0; i < times; i++) scripted.push(code);
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function business(code: keyof typeof BUSINESS_ERRORS) {
  return { status: 200, body: { Code: code, Message: BUSINESS_ERRORS[code], RequestId: randomUUID() } };
}

function clientError(code: string, message: string) {
  return { status: 400, body: { Code: code, Message: message, RequestId: randomUUID() } };
}
