import type * as z from 'zod';
import { DEFAULT_TIME_LIMITS } from '../domain/time-limits';
import { caseActionSchema, citizenRatingSchema, ticketSchema } from '../http/action-schemas';
import { consultationSchema, letterSchema } from '../http/intake-schemas';
import { auditQuerySchema, caseListQuerySchema, publicCaseListQuerySchema } from '../http/list-schemas';
import { reportQuerySchema, statisticsQuerySchema } from '../http/statistics-schemas';
import {
  actionResultSchema,
  auditPageSchema,
  caseListSchema,
  citizenCaseSchema,
  departmentListSchema,
  healthSchema,
  publicCaseListSchema,
  receiptSchema,
  reportSchema,
  staffCaseSchema,
  staffProfileSchema,
  statisticsSchema,
} from './response-schemas';

/** The operations' groups, in the order a reader meets them. */
export const TAGS = {
  群众: '写信、在线咨询、查询进度、评价、公开信件（无需登录）',
  '12345热线': '接线员登记来电',
  工作人员: '派单、承办、审核、督办等办理操作',
  领导: '统计与工作报告',
  管理员: '审计日志',
  系统: '健康检查与本文档',
} as const;

/** A request header an operation reads, beyond Authorization. */
export type ContractHeader = 'Idempotency-Key' | 'X-Query-Code';

export interface SuccessResponse {
  readonly status: 200 | 201;
  readonly description: string;
  /** The JSON body; a file download names its media types instead. */
  readonly schema?: z.ZodType;
  readonly files?: readonly string[];
  /** Response headers worth a client's attention (e.g. caching of a public list). */
  readonly cacheable?: boolean;
}

/**
 * What the document says about one route of the table beyond its method, path and access: the
 * route table (shared/functions/route-table.ts) says who may call it, this says what to send and
 * what comes back. Error statuses are listed per operation; their codes come from ERROR_CODES.
 */
export interface Operation {
  readonly operationId: string;
  readonly tag: keyof typeof TAGS;
  readonly summary: string;
  readonly description?: string;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  readonly headers?: readonly ContractHeader[];
  readonly success: SuccessResponse;
  /** The statuses of the Error shape this operation can answer, besides the ones every route can. */
  readonly errors: readonly number[];
}

/** Statuses a citizen's write can answer besides its own: rate limits and abuse guards. */
const CITIZEN_WRITE_ERRORS = [400, 409, 413, 415, 422, 429];
const STAFF_QUERY_ERRORS = [400];

/** The contract of every route, by route key; a route without one fails the document's test. */
export const OPERATIONS: Readonly<Record<string, Operation>> = {
  'GET /v1/health': {
    operationId: 'getHealth',
    tag: '系统',
    summary: '健康检查',
    success: { status: 200, description: '服务与数据库可用', schema: healthSchema },
    errors: [],
  },
  'GET /v1/openapi.json': {
    operationId: 'getOpenApiDocument',
    tag: '系统',
    summary: '本接口文档（OpenAPI 3.1）',
    success: { status: 200, description: 'OpenAPI 3.1 文档', cacheable: true },
    errors: [],
  },
  'GET /v1/departments': {
    operationId: 'listDepartments',
    tag: '群众',
    summary: '承办单位列表（在线咨询表单用）',
    description: '在用的承办单位：编号、名称、职责简介、是否接受在线咨询。可缓存五分钟。',
    success: { status: 200, description: '承办单位', schema: departmentListSchema, cacheable: true },
    errors: [],
  },
  'POST /v1/letters': {
    operationId: 'submitLetter',
    tag: '群众',
    summary: '写信（市长信箱等领导信箱）',
    description: '返回案件编号和查询码；查询码只显示这一次。带 Idempotency-Key 重试时得到同一回执。',
    body: letterSchema,
    headers: ['Idempotency-Key'],
    success: { status: 201, description: '已受理登记：案件编号与查询码', schema: receiptSchema },
    errors: CITIZEN_WRITE_ERRORS,
  },
  'POST /v1/consultations': {
    operationId: 'submitConsultation',
    tag: '群众',
    summary: '在线咨询',
    description: 'departmentId 取自 GET /v1/departments；不存在或已停用的单位返回 400 UNKNOWN_DEPARTMENT。',
    body: consultationSchema,
    headers: ['Idempotency-Key'],
    success: { status: 201, description: '已受理登记：案件编号与查询码', schema: receiptSchema },
    errors: CITIZEN_WRITE_ERRORS,
  },
  'POST /v1/tickets': {
    operationId: 'logTicket',
    tag: '12345热线',
    summary: '来电登记（可直接答复）',
    body: ticketSchema,
    headers: ['Idempotency-Key'],
    success: { status: 201, description: '工单已登记：编号与查询码（告知来电人）', schema: receiptSchema },
    errors: [400, 409, 413, 415, 422],
  },
  'GET /v1/me': {
    operationId: 'getStaffProfile',
    tag: '工作人员',
    summary: '当前登录的工作人员：角色与单位',
    success: { status: 200, description: '账号、角色、所属单位', schema: staffProfileSchema },
    errors: [],
  },
  'GET /v1/cases': {
    operationId: 'listCases',
    tag: '工作人员',
    summary: '案件列表（按状态、类型、单位、超期筛选）',
    description: '承办单位只看到转给本单位的案件。不含正文和联系方式。',
    query: caseListQuerySchema,
    success: { status: 200, description: '一页案件', schema: caseListSchema },
    errors: STAFF_QUERY_ERRORS,
  },
  'GET /v1/cases/{caseId}': {
    operationId: 'getCase',
    tag: '群众',
    summary: '查看案件：群众凭查询码，工作人员凭登录凭证',
    description:
      '带 X-Query-Code 时返回群众视图（进度、答复）；带 Bearer 令牌时返回工作人员视图（按角色脱敏）。' +
      '查询码多次错误将被暂时锁定（429）。',
    headers: ['X-Query-Code'],
    success: {
      status: 200,
      description: '群众视图或工作人员视图',
      schema: citizenCaseSchema.or(staffCaseSchema),
    },
    errors: [400, 404, 429],
  },
  'POST /v1/cases/{caseId}/actions': {
    operationId: 'actOnCase',
    tag: '工作人员',
    summary: '办理操作（受理、转办、签收、退回、延期、答复、审核、督办、并单……）',
    description: '可执行的操作取决于角色和案件状态；案件视图的 availableActions 列出当前可用的操作。',
    body: caseActionSchema(DEFAULT_TIME_LIMITS),
    headers: ['Idempotency-Key'],
    success: { status: 200, description: '操作已记录', schema: actionResultSchema },
    errors: [400, 404, 409, 413, 415, 422],
  },
  'POST /v1/cases/{caseId}/rating': {
    operationId: 'rateCase',
    tag: '群众',
    summary: '评价答复（满意、基本满意、不满意；是否解决）',
    headers: ['X-Query-Code', 'Idempotency-Key'],
    body: citizenRatingSchema,
    success: { status: 200, description: '评价已记录；返回群众视图', schema: citizenCaseSchema },
    errors: [400, 404, 409, 413, 415, 422, 429],
  },
  'GET /v1/audit': {
    operationId: 'getAuditTrail',
    tag: '管理员',
    summary: '审计日志（按案件或按工作人员）',
    query: auditQuerySchema,
    success: { status: 200, description: '一页审计记录，最新在前', schema: auditPageSchema },
    errors: STAFF_QUERY_ERRORS,
  },
  'GET /v1/public/cases': {
    operationId: 'listPublicCases',
    tag: '群众',
    summary: '公开信件（已去除个人信息）',
    query: publicCaseListQuerySchema,
    success: { status: 200, description: '一页公开信件', schema: publicCaseListSchema },
    errors: [400],
  },
  'GET /v1/stats': {
    operationId: 'getStatistics',
    tag: '领导',
    summary: '统计：受理、答复、办结、满意率等（任意筛选组合）',
    description: '各项比率按 DOMAIN.md“指标”计算，可由案件复核。承办单位只看到本单位的数字。',
    query: statisticsQuerySchema,
    success: { status: 200, description: '合计、比率和分组', schema: statisticsSchema },
    errors: STAFF_QUERY_ERRORS,
  },
  'GET /v1/reports': {
    operationId: 'getReport',
    tag: '领导',
    summary: '工作报告段落与分组数字（JSON、CSV 或 XLSX）',
    query: reportQuerySchema,
    success: {
      status: 200,
      description: 'format=json 时为报告；csv、xlsx 时为下载文件',
      schema: reportSchema,
      files: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    },
    errors: STAFF_QUERY_ERRORS,
  },
};
