import * as z from 'zod';
import { CASE_KINDS, CHANNELS, REQUEST_TYPES } from '../domain/case-kinds';
import { CASE_STATUSES } from '../domain/statuses';
import { orderedPeriod, reportingDate } from './period-schemas';

/** GET /v1/cases query string. */
export const caseListQuerySchema = orderedPeriod({
  kind: z.enum(CASE_KINDS, { error: 'kind 只能是 letter、hotline 或 consultation' }).optional(),
  status: z.enum(CASE_STATUSES, { error: '未知的案件状态' }).optional(),
  departmentId: z.string().trim().min(1).max(64).optional(),
  type: z.enum(REQUEST_TYPES, { error: '未知的诉求类型' }).optional(),
  channel: z.enum(CHANNELS, { error: `渠道只能是 ${CHANNELS.join('、')} 之一` }).optional(),
  answerBackDue: reportingDate('反馈期限')
    .optional()
    .meta({ description: '只列须在该日（含）之前向上级反馈的转办件（channel=forwarded）' }),
  overdue: z.enum(['true', 'false'], { error: 'overdue 只能是 true 或 false' }).optional(),
  returned: z
    .literal('true', { error: 'returned 只能是 true' })
    .optional()
    .meta({ description: '只列被承办单位退回、待重新受理的案件（退单）' }),
  extensionRequested: z
    .literal('true', { error: 'extensionRequested 只能是 true' })
    .optional()
    .meta({ description: '只列有待审批延期申请的案件' }),
  order: z
    .enum(['newest', 'oldest'], { error: 'order 只能是 newest 或 oldest' })
    .default('newest')
    .meta({ description: '按受理时间排序：newest 最新在前（默认），oldest 最早在前（工作队列）' }),
  from: reportingDate('开始日期').optional(),
  to: reportingDate('结束日期').optional(),
  limit: z.coerce.number({ error: 'limit 必须是数字' }).int().min(1).max(100).default(20),
  cursor: z.string().max(4096).optional(),
});

/** GET /v1/public/cases query string. */
export const publicCaseListQuerySchema = z.strictObject({
  kind: z.enum(CASE_KINDS, { error: 'kind 只能是 letter、hotline 或 consultation' }).optional(),
  limit: z.coerce.number({ error: 'limit 必须是数字' }).int().min(1).max(50).default(20),
  cursor: z.string().max(4096).optional(),
});

/** GET /v1/audit query string: by case or by staff member. */
export const auditQuerySchema = z.strictObject({
  caseId: z.string().trim().min(1).max(32).optional(),
  userId: z.string().trim().min(1).max(128).optional(),
  limit: z.coerce.number({ error: 'limit 必须是数字' }).int().min(1).max(100).default(50),
  cursor: z.string().max(4096).optional(),
});
