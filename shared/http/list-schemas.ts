import * as z from 'zod';
import { CASE_KINDS, REQUEST_TYPES } from '../domain/case-kinds';
import { isIsoDate } from '../domain/china-time';
import { CASE_STATUSES } from '../domain/statuses';

const date = z.string().refine(isIsoDate, '日期格式应为 YYYY-MM-DD');

/** GET /v1/cases query string. */
export const caseListQuerySchema = z.strictObject({
  kind: z.enum(CASE_KINDS, { error: 'kind 只能是 letter、hotline 或 consultation' }).optional(),
  status: z.enum(CASE_STATUSES, { error: '未知的案件状态' }).optional(),
  departmentId: z.string().trim().min(1).max(64).optional(),
  type: z.enum(REQUEST_TYPES, { error: '未知的诉求类型' }).optional(),
  overdue: z.enum(['true', 'false'], { error: 'overdue 只能是 true 或 false' }).optional(),
  from: date.optional(),
  to: date.optional(),
  limit: z.coerce.number({ error: 'limit 必须是数字' }).int().min(1).max(100).default(20),
  cursor: z.string().max(4096).optional(),
});
