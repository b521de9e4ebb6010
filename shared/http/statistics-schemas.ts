import * as z from 'zod';
import { CASE_KINDS, CHANNELS, REQUEST_TYPES } from '../domain/case-kinds';
import { isIsoDate } from '../domain/china-time';
import { COUNTERS } from '../domain/metrics/counters';
import { RATE_NAMES } from '../domain/metrics/rates';
import './validation';

const date = (label: string) =>
  z.string({ error: `请提供${label}（YYYY-MM-DD）` }).refine(isIsoDate, `${label}格式应为 YYYY-MM-DD`);

const period = {
  from: date('开始日期'),
  to: date('结束日期'),
};

const scope = {
  kind: z.enum(CASE_KINDS, { error: 'kind 只能是 letter、hotline 或 consultation' }).optional(),
  channel: z.enum(CHANNELS, { error: '未知的渠道' }).optional(),
  departmentId: z.string().trim().min(1).max(64).optional(),
  type: z.enum(REQUEST_TYPES, { error: '未知的诉求类型' }).optional(),
  groupBy: z
    .enum(['day', 'month', 'department', 'kind', 'channel', 'type'], { error: '未知的分组方式' })
    .optional(),
};

const ordered = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape).refine((q) => (q as { from: string }).from <= (q as { to: string }).to, {
    message: '开始日期不能晚于结束日期',
    path: ['to'],
  });

/** GET /v1/stats */
export const statisticsQuerySchema = ordered({
  ...period,
  ...scope,
  sortBy: z.enum([...RATE_NAMES, ...COUNTERS, 'accepted'], { error: '未知的排序指标' }).optional(),
  order: z.enum(['asc', 'desc'], { error: 'order 只能是 asc 或 desc' }).optional(),
});

/** GET /v1/reports */
export const reportQuerySchema = ordered({
  ...period,
  kind: scope.kind,
  groupBy: scope.groupBy,
  format: z.enum(['json', 'csv', 'xlsx'], { error: 'format 只能是 json、csv 或 xlsx' }).default('json'),
});
