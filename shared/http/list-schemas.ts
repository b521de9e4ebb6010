import * as z from 'zod/mini';
import { CASE_KINDS, CHANNELS, REQUEST_TYPES } from '../domain/case-kinds';
import { CASE_STATUSES } from '../domain/statuses';
import { orderedPeriod, reportingDate } from './period-schemas';

/** GET /v1/cases query string. */
export const caseListQuerySchema = orderedPeriod({
  kind: z.optional(z.enum(CASE_KINDS, { error: 'kind 只能是 letter、hotline 或 consultation' })),
  status: z.optional(z.enum(CASE_STATUSES, { error: '未知的案件状态' })),
  departmentId: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
  type: z.optional(z.enum(REQUEST_TYPES, { error: '未知的诉求类型' })),
  channel: z.optional(z.enum(CHANNELS, { error: `渠道只能是 ${CHANNELS.join('、')} 之一` })),
  answerBackDue: z
    .optional(reportingDate('反馈期限'))
    .check(z.meta({ description: '只列须在该日（含）之前向上级反馈的转办件（channel=forwarded）' })),
  overdue: z.optional(z.enum(['true', 'false'], { error: 'overdue 只能是 true 或 false' })),
  returned: z
    .optional(z.literal('true', { error: 'returned 只能是 true' }))
    .check(z.meta({ description: '只列被承办单位退回、待重新受理的案件（退单）' })),
  extensionRequested: z
    .optional(z.literal('true', { error: 'extensionRequested 只能是 true' }))
    .check(z.meta({ description: '只列有待审批延期申请的案件' })),
  order: z
    ._default(z.enum(['newest', 'oldest'], { error: 'order 只能是 newest 或 oldest' }), 'newest')
    .check(z.meta({ description: '按受理时间排序：newest 最新在前（默认），oldest 最早在前（工作队列）' })),
  from: z.optional(reportingDate('开始日期')),
  to: z.optional(reportingDate('结束日期')),
  limit: z._default(z.coerce.number({ error: 'limit 必须是数字' }).check(z.int(), z.gte(1), z.lte(100)), 20),
  cursor: z.optional(z.string().check(z.maxLength(4096))),
});

/** GET /v1/public/cases query string. */
export const publicCaseListQuerySchema = z.strictObject({
  kind: z.optional(z.enum(CASE_KINDS, { error: 'kind 只能是 letter、hotline 或 consultation' })),
  limit: z._default(z.coerce.number({ error: 'limit 必须是数字' }).check(z.int(), z.gte(1), z.lte(50)), 20),
  cursor: z.optional(z.string().check(z.maxLength(4096))),
});

/** GET /v1/audit query string: by case or by staff member. */
export const auditQuerySchema = z.strictObject({
  caseId: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(32))),
  userId: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(128))),
  limit: z._default(z.coerce.number({ error: 'limit 必须是数字' }).check(z.int(), z.gte(1), z.lte(100)), 50),
  cursor: z.optional(z.string().check(z.maxLength(4096))),
});
