import * as z from 'zod';
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
  kind: z.enum(CASE_KINDS, { error: 'kind 只能是 letter、hotline 或 consultation' }).optional(),
  channel: z.enum(CHANNELS, { error: '未知的渠道' }).optional(),
  departmentId: z.string().trim().min(1).max(64).optional(),
  type: z.enum(REQUEST_TYPES, { error: '未知的诉求类型' }).optional(),
  groupBy: z
    .enum(['day', 'month', 'department', 'kind', 'channel', 'type'], { error: '未知的分组方式' })
    .optional(),
};

/** GET /v1/stats */
export const statisticsQuerySchema = orderedPeriod({
  ...period,
  ...scope,
  sortBy: z.enum([...RATE_NAMES, ...COUNTERS, 'accepted'], { error: '未知的排序指标' }).optional(),
  order: z.enum(['asc', 'desc'], { error: 'order 只能是 asc 或 desc' }).optional(),
});

/** GET /v1/reports */
export const reportQuerySchema = orderedPeriod({
  ...period,
  kind: scope.kind,
  groupBy: scope.groupBy,
  format: z.enum(['json', 'csv', 'xlsx'], { error: 'format 只能是 json、csv 或 xlsx' }).default('json'),
});
