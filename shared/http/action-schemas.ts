import * as z from 'zod';
import { HOTLINE_CHANNELS, REQUEST_TYPES } from '../domain/case-kinds';
import { DEFAULT_TIME_LIMITS } from '../domain/time-limits';
import { citizenContactSchema, text } from './intake-schemas';

const satisfaction = z.enum(['satisfied', 'basically_satisfied', 'dissatisfied'], {
  error: '满意度只能是 satisfied、basically_satisfied 或 dissatisfied',
});
const caseNumber = z
  .string()
  .trim()
  .regex(/^(XJ|GD|ZX)\d{14}$/, '案件编号格式不正确');

/** POST /v1/cases/{caseId}/actions: one strict shape per action type (DOMAIN.md "Lifecycle"). */
export const caseActionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('reject'), reason: text('不予受理理由', 500) }),
    z.strictObject({ type: z.literal('answer'), answer: text('答复内容', 5000) }),
    z.strictObject({
      type: z.literal('transfer'),
      departmentId: z.string().trim().min(1, '请选择承办单位').max(64),
      instructions: text('转办意见', 1000),
    }),
    z.strictObject({ type: z.literal('sign') }),
    z.strictObject({ type: z.literal('return'), reason: text('退单理由', 1000) }),
    z.strictObject({
      type: z.literal('request_extension'),
      workingDays: z
        .number({ error: '延期天数必须是数字' })
        .int('延期天数必须是整数')
        .min(1, '延期天数至少1个工作日')
        .max(DEFAULT_TIME_LIMITS.maxExtension, `延期天数不能超过${DEFAULT_TIME_LIMITS.maxExtension}个工作日`),
      reason: text('延期理由', 1000),
    }),
    z.strictObject({
      type: z.literal('decide_extension'),
      approve: z.boolean({ error: 'approve 必须是布尔值' }),
      comment: text('审批意见', 1000).optional(),
    }),
    z.strictObject({ type: z.literal('reply'), content: text('答复内容', 5000) }),
    z.strictObject({
      type: z.literal('review'),
      approve: z.boolean({ error: 'approve 必须是布尔值' }),
      comment: text('审核意见', 1000).optional(),
    }),
    z.strictObject({ type: z.literal('supervise'), note: text('督办意见', 1000) }),
    z.strictObject({
      type: z.literal('rate'),
      resolved: z.boolean({ error: 'resolved 必须是布尔值' }),
      satisfaction,
      comment: text('评价意见', 1000).optional(),
    }),
    z.strictObject({ type: z.literal('reopen'), reason: text('重办理由', 1000) }),
    z.strictObject({ type: z.literal('merge'), intoCaseId: caseNumber }),
  ],
  { error: '未知的操作类型' },
);

/** POST /v1/cases/{caseId}/rating: the citizen's own rating. */
export const citizenRatingSchema = z.strictObject({
  resolved: z.boolean({ error: 'resolved 必须是布尔值' }),
  satisfaction,
  comment: text('评价意见', 1000).optional(),
});

/** POST /v1/tickets: an operator logs a hotline call, answering it at once when they can. */
export const ticketSchema = z.strictObject({
  caller: citizenContactSchema,
  type: z.enum(REQUEST_TYPES, { error: '请选择有效的诉求类型' }),
  title: text('标题', 100).optional(),
  content: text('来电内容', 5000),
  location: text('事发地点', 200).optional(),
  answer: text('答复内容', 5000).optional(),
  channel: z.enum(HOTLINE_CHANNELS, { error: '来源只能是 phone 或 sms' }).default('phone'),
  confidential: z.boolean({ error: '是否保密必须是布尔值' }).default(false),
  publicConsent: z.boolean({ error: '是否同意公开必须是布尔值' }).default(false),
});
