import * as z from 'zod/mini';
import { attachmentIds } from '../domain/attachment-field';
import { CITIZEN_CHANNELS, HOTLINE_CHANNELS, MAILBOXES, REQUEST_TYPES } from '../domain/case-kinds';
import { DATUMS, insideChina } from '../domain/case-location';
import { isChinesePhone, isValidIdNumber, normalizePhone } from '../domain/contact';
import { text } from '../domain/text-field';
import './validation';

export const citizenContactSchema = z.strictObject({
  name: text('姓名', 50),
  phone: z
    .pipe(z.string({ error: '联系电话必须是文字' }), z.transform(normalizePhone))
    .check(z.refine(isChinesePhone, '联系电话格式不正确，请填写11位手机号或带区号的固定电话')),
  idNumber: z.optional(
    z
      .string()
      .check(z.trim(), z.toUpperCase(), z.refine(isValidIdNumber, '身份证号码不正确，请检查号码和校验位')),
  ),
  address: z.optional(text('地址', 200)),
  email: z.optional(z.email('电子邮箱格式不正确').check(z.maxLength(254))),
});

/**
 * Where the matter is: an address, a point (latitude and longitude together), or both. GCJ-02 is
 * the default datum, as Chinese map SDKs return it; a GCJ-02 point lies in China by definition.
 */
export const locationSchema = z.pipe(
  z
    .strictObject({
      address: z.optional(text('事发地址', 200)),
      lat: z.optional(
        z
          .number({ error: '纬度必须是数字' })
          .check(z.gte(-90, '纬度须在 -90 到 90 之间'), z.lte(90, '纬度须在 -90 到 90 之间')),
      ),
      long: z.optional(
        z
          .number({ error: '经度必须是数字' })
          .check(z.gte(-180, '经度须在 -180 到 180 之间'), z.lte(180, '经度须在 -180 到 180 之间')),
      ),
      datum: z.optional(z.enum(DATUMS, { error: '坐标系只能是 GCJ-02 或 WGS-84' })),
    })
    .check(
      z.refine((l) => (l.lat === undefined) === (l.long === undefined), {
        message: '经度和纬度须同时提供',
        path: ['long'],
      }),
      z.refine((l) => l.address !== undefined || l.lat !== undefined, { message: '请提供事发地址或坐标' }),
      z.refine(
        (l) => l.lat === undefined || (l.datum ?? 'GCJ-02') !== 'GCJ-02' || insideChina(l.lat, l.long ?? 0),
        {
          message: 'GCJ-02 坐标只用于中国境内，请检查经纬度或改用 WGS-84',
          path: ['lat'],
        },
      ),
    ),
  z.transform(({ datum, ...l }) => (l.lat === undefined ? l : { ...l, datum: datum ?? ('GCJ-02' as const) })),
);

/** What every citizen submission carries: who writes, from where, and what they agree to. */
function fromCitizen(channelLabel: string) {
  return {
    citizen: citizenContactSchema,
    confidential: z._default(z.boolean({ error: '是否保密必须是布尔值' }), false),
    publicConsent: z.boolean({ error: '请说明是否同意公开' }),
    channel: z.enum(CITIZEN_CHANNELS, { error: `${channelLabel}只能是 web 或 miniprogram` }),
    location: z.optional(locationSchema),
    attachments: attachmentIds(),
  };
}

export const letterSchema = z.strictObject({
  mailbox: z.enum(MAILBOXES, { error: '请选择有效的信箱' }),
  type: z.enum(REQUEST_TYPES, { error: '请选择有效的诉求类型' }),
  title: text('标题', 100),
  content: text('内容', 5000),
  ...fromCitizen('来信渠道'),
});

export const consultationSchema = z.strictObject({
  departmentId: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
  topic: text('咨询主题', 100),
  question: text('咨询内容', 5000),
  ...fromCitizen('咨询渠道'),
});

/** POST /v1/tickets: an operator logs a hotline call, answering it at once when they can. */
export const ticketSchema = z.strictObject({
  caller: citizenContactSchema,
  type: z.enum(REQUEST_TYPES, { error: '请选择有效的诉求类型' }),
  title: z.optional(text('标题', 100)),
  content: text('来电内容', 5000),
  location: z.optional(locationSchema),
  answer: z.optional(text('答复内容', 5000)),
  channel: z._default(z.enum(HOTLINE_CHANNELS, { error: '来源只能是 phone 或 sms' }), 'phone'),
  confidential: z._default(z.boolean({ error: '是否保密必须是布尔值' }), false),
  publicConsent: z._default(z.boolean({ error: '是否同意公开必须是布尔值' }), false),
});
