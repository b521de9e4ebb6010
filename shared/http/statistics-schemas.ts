import * as z from 'zod/mini';
import { CASE_KINDS, CHANNELS, REQUEST_TYPES } from '../domain/case-kinds';
import { COUNTERS } from '../domain/metrics/counters';
import { RATE_NAMES } from '../domain/metrics/rates';
import { orderedPeriod, reportingDate } from './period-schemas';
import './validation';

const period = {
  from: reportingDate('开始日期'),
  to: reportingDate('结束日期'),
};

const scope = {
  kind: z.optional(z.enum(CASE_KINDS, { error: 'kind 只能是 letter、hotline 或 consultation' })),
  channel: z.optional(z.enum(CHANNELS, { error: '未知的渠道' })),
  departmentId: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(64))),
  type: z.optional(z.enum(REQUEST_TYPES, { error: '未知的诉求类型' })),
  groupBy: z.optional(
    z.enum(['day', 'month', 'department', 'kind', 'channel', 'type'], { error: '未知的分组方式' }),
  ),
};

/** GET /v1/stats */
export const statisticsQuerySchema = orderedPeriod({
  ...period,
  ...scope,
  sortBy: z.optional(z.enum([...RATE_NAMES, ...COUNTERS, 'accepted'], { error: '未知的排序指标' })),
  order: z.optional(z.enum(['asc', 'desc'], { error: 'order 只能是 asc 或 desc' })),
});

/** GET /v1/reports */
export const reportQuerySchema = orderedPeriod({
  ...period,
  kind: scope.kind,
  groupBy: scope.groupBy,
  format: z._default(z.enum(['json', 'csv', 'xlsx'], { error: 'format 只能是 json、csv 或 xlsx' }), 'json'),
});
