import * as z from 'zod/mini';
import { CITIZEN_TEXT_KINDS, type CitizenTextKind } from '../domain/lifecycle/citizen-texts';

/**
 * What a city registered with Alibaba Cloud SMS (阿里云短信服务): its sign name (签名) and, for every
 * citizen text (citizen-texts.ts), the code of the template it registered with that text. cdk.json
 * context `civicline:sms`, validated at synth and handed to the function as JSON.
 */
export const aliyunSmsSettingsSchema = z.strictObject({
  /** The API's address; the provider's public endpoint unless a city uses a private one. */
  endpoint: z._default(
    z.url({ protocol: /^https?$/, error: '必须是 http(s):// 地址' }),
    'https://dysmsapi.aliyuncs.com',
  ),
  signName: z.string().check(z.trim(), z.minLength(2), z.maxLength(20)),
  templates: z.strictObject(
    Object.fromEntries(
      CITIZEN_TEXT_KINDS.map((kind) => [
        kind,
        z.string().check(z.regex(/^SMS_\d+$/, '模板代码形如 SMS_123456789')),
      ]),
    ) as Record<CitizenTextKind, z.ZodMiniString>,
  ),
});

export type AliyunSmsSettings = z.infer<typeof aliyunSmsSettingsSchema>;

/** The AccessKey the provider signs requests with (a RAM user allowed dysms:SendSms only). */
export const aliyunAccessKeySchema = z.strictObject({
  accessKeyId: z.string().check(z.minLength(1)),
  accessKeySecret: z.string().check(z.minLength(1)),
});

export type AliyunAccessKey = z.infer<typeof aliyunAccessKeySchema>;
