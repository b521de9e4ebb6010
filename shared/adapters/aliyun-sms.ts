import type { TextMessageSender } from '../ports/text-messages';
import { TextMessageRefused } from '../ports/text-messages';
import type { AliyunAccessKey, AliyunSmsSettings } from './aliyun-sms-settings';

/** Codes of the provider's answers that may succeed later: its throttling and its own faults. */
const RETRYABLE = /LIMIT_CONTROL|Throttling|^isp\./;

/**
 * Sends citizen texts through Alibaba Cloud SMS (SendSms, API version 2017-05-25): the registered
 * template of the text's kind, under the city's sign name, with the text's parameters as JSON. The
 * SDK does not retry (SendSms is not idempotent, so a retry is the stream's decision, after the
 * outbox said the notice is still unsent); its answers other than OK become TextMessageRefused.
 * The SDK and the AccessKey load on first use.
 */
export function aliyunSms(
  settings: AliyunSmsSettings,
  accessKey: () => Promise<AliyunAccessKey>,
): TextMessageSender {
  return {
    async send(message) {
      const [{ default: Dysmsapi, SendSmsRequest }, { $OpenApiUtil }, { RuntimeOptions }, key] =
        await Promise.all([
          import('@alicloud/dysmsapi20170525'),
          import('@alicloud/openapi-core'),
          import('@darabonba/typescript'),
          accessKey(),
        ]);
      const endpoint = new URL(settings.endpoint);
      const client = new Dysmsapi(
        new $OpenApiUtil.Config({
          ...key,
          endpoint: endpoint.host,
          protocol: endpoint.protocol.replace(':', ''),
          connectTimeout: 2000,
          readTimeout: 5000,
        }),
      );
      const request = new SendSmsRequest({
        phoneNumbers: message.phone,
        signName: settings.signName,
        templateCode: settings.templates[message.text.kind],
        templateParam: JSON.stringify(message.text.parameters),
        outId: message.reference,
      });
      let answer: { code?: string; message?: string } | undefined;
      try {
        answer = (await client.sendSmsWithOptions(request, new RuntimeOptions({ autoretry: false }))).body;
      } catch (error) {
        throw refusalOf(error) ?? error;
      }
      const code = answer?.code ?? 'NO_ANSWER';
      if (code !== 'OK') throw new TextMessageRefused(code, answer?.message ?? '', RETRYABLE.test(code));
    },
  };
}

/** An error answer (HTTP 4xx/5xx) the SDK threw, as a refusal; anything else (network) as it is. */
function refusalOf(error: unknown): TextMessageRefused | undefined {
  if (!(error instanceof Error) || !('statusCode' in error) || !('code' in error)) return undefined;
  const code = String(error.code);
  const status = Number(error.statusCode);
  return new TextMessageRefused(code, error.message, status >= 500 || RETRYABLE.test(code));
}
