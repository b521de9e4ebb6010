import * as z from 'zod/mini';
import { ATTACHMENT_RULES, megabytes } from '../domain/attachment';
import { DEFAULT_TIME_LIMITS } from '../domain/time-limits';
import { OPEN311_BASE } from '../functions/route-table';
import { caseActionSchema, citizenRatingSchema } from '../http/action-schemas';
import { departmentChangesSchema, newDepartmentSchema } from '../http/department-schemas';
import { forwardedLetterSchema } from '../http/forwarded-letter-schema';
import { consultationSchema, letterSchema, ticketSchema } from '../http/intake-schemas';
import { auditQuerySchema, caseListQuerySchema, publicCaseListQuerySchema } from '../http/list-schemas';
import { timeLimitsSchema, yearScheduleSchema } from '../http/settings-schemas';
import { newStaffSchema, staffChangesSchema } from '../http/staff-schemas';
import { reportQuerySchema, statisticsQuerySchema } from '../http/statistics-schemas';
import { uploadRequestSchema } from '../http/upload-schemas';
import {
  clientApplicationSchema,
  geoReportDiscoverySchema,
  geoReportListQuerySchema,
  geoReportPostResultSchema,
  geoReportPostSchema,
  geoReportRequestSchema,
  geoReportServiceDefinitionSchema,
  geoReportServiceSchema,
} from '../open311/georeport-schemas';
import {
  actionResultSchema,
  auditPageSchema,
  calendarYearSchema,
  caseListSchema,
  citizenCaseSchema,
  clientApplicationListSchema,
  clientKeySchema,
  departmentListSchema,
  departmentSchema,
  healthSchema,
  publicCaseListSchema,
  receiptSchema,
  reportSchema,
  revokedKeySchema,
  staffAccountSchema,
  staffCaseSchema,
  staffListSchema,
  staffProfileSchema,
  statisticsSchema,
  timeLimitsViewSchema,
  uploadOfferSchema,
} from './response-schemas';

/** The operations' groups, in the order a reader meets them. */
export const TAGS = {
  群众: '写信、在线咨询、查询进度、评价、公开信件（无需登录）',
  '12345热线': '接线员登记来电',
  工作人员: '派单、承办、审核、督办等办理操作',
  领导: '统计与工作报告',
  管理员: '承办单位、时限、节假日、Open311 密钥与审计日志',
  系统: '健康检查与本文档',
  Open311: 'GeoReport v2（/open311/v2/）：现有 311 客户端无需改动即可提交和跟踪诉求',
} as const;

/** A request header an operation reads, beyond Authorization. */
export type ContractHeader = 'Idempotency-Key' | 'X-Query-Code';

export interface SuccessResponse {
  readonly status: 200 | 201;
  readonly description: string;
  /** The JSON body; a file download names its media types instead. */
  readonly schema?: z.ZodMiniType;
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
  readonly query?: z.ZodMiniType;
  readonly body?: z.ZodMiniType;
  readonly headers?: readonly ContractHeader[];
  /** A form-encoded body (Open311 clients post forms). */
  readonly form?: z.ZodMiniType;
  /**
   * An Open311 GeoReport v2 resource: JSON or XML as its path's extension says, errors as the spec's
   * array of {code, description}.
   */
  readonly geoReport?: boolean;
  readonly success: SuccessResponse;
  /** The statuses of the Error shape this operation can answer, besides the ones every route can. */
  readonly errors: readonly number[];
}

/** Statuses a citizen's write can answer besides its own: rate limits and abuse guards. */
const CITIZEN_WRITE_ERRORS = [400, 409, 413, 415, 422, 429];
const STAFF_QUERY_ERRORS = [400];

/** The same operation for a GeoReport resource's .json and .xml routes. */
function inBothFormats(
  method: string,
  resource: string,
  operation: Omit<Operation, 'operationId'> & { operationId: string },
) {
  return Object.fromEntries(
    (['json', 'xml'] as const).map((format) => [
      `${method} ${OPEN311_BASE}/${resource}.${format}`,
      {
        ...operation,
        operationId: `${operation.operationId}${format === 'json' ? 'Json' : 'Xml'}`,
        geoReport: true,
      },
    ]),
  );
}

const OPEN311_OPERATIONS: Readonly<Record<string, Operation>> = {
  ...inBothFormats('GET', 'discovery', {
    operationId: 'open311Discovery',
    tag: 'Open311',
    summary: 'GeoReport v2 服务发现',
    success: { status: 200, description: '端点与格式', schema: geoReportDiscoverySchema },
    errors: [],
  }),
  ...inBothFormats('GET', 'services', {
    operationId: 'open311ListServices',
    tag: 'Open311',
    summary: '服务列表（每种诉求类型一项）',
    success: { status: 200, description: '服务', schema: z.array(geoReportServiceSchema), cacheable: true },
    errors: [],
  }),
  [`GET ${OPEN311_BASE}/services/{serviceFile}`]: {
    operationId: 'open311GetService',
    tag: 'Open311',
    summary: '服务定义（可填的属性）',
    description: 'serviceFile 为 `{service_code}.json` 或 `{service_code}.xml`。',
    geoReport: true,
    success: { status: 200, description: '服务定义', schema: geoReportServiceDefinitionSchema },
    errors: [404],
  },
  ...inBothFormats('POST', 'requests', {
    operationId: 'open311PostRequest',
    tag: 'Open311',
    summary: '提交诉求（表单编码，需 api_key）',
    description:
      '成为写给领导信箱的信件（默认市长信箱，渠道 open311）。当场返回 service_request_id（案件编号），' +
      '不签发 token；扩展字段 query_code 为查询码，只显示这一次。lat/long 按 WGS-84 处理。' +
      '未提供 attribute[public_consent]=yes 时不公开。',
    form: geoReportPostSchema,
    headers: ['Idempotency-Key'],
    success: { status: 201, description: '已受理', schema: z.array(geoReportPostResultSchema) },
    errors: [400, 403, 409, 413, 415, 422],
  }),
  ...inBothFormats('GET', 'requests', {
    operationId: 'open311ListRequests',
    tag: 'Open311',
    summary: '已公开的诉求（与公开信件同样去除个人信息）',
    description:
      '按 service_request_id、service_code、start_date/end_date（不超过 90 天，默认最近 90 天）、status 筛选，最多 1000 条。',
    query: geoReportListQuerySchema,
    success: { status: 200, description: '诉求', schema: z.array(geoReportRequestSchema) },
    errors: [400],
  }),
  [`GET ${OPEN311_BASE}/requests/{requestFile}`]: {
    operationId: 'open311GetRequest',
    tag: 'Open311',
    summary: '查看一件诉求',
    description:
      'requestFile 为 `{service_request_id}.json` 或 `.xml`。已公开的诉求返回公开视图；其他诉求返回 404，' +
      '除非请求带有该案件的查询码（X-Query-Code），此时返回本人视图（同样的错误锁定）。',
    headers: ['X-Query-Code'],
    geoReport: true,
    success: { status: 200, description: '一件诉求', schema: z.array(geoReportRequestSchema) },
    errors: [400, 404],
  },
  [`GET ${OPEN311_BASE}/tokens/{tokenFile}`]: {
    operationId: 'open311GetToken',
    tag: 'Open311',
    summary: 'token 查询（始终 404：提交时已返回案件编号）',
    geoReport: true,
    success: { status: 200, description: '不会出现' },
    errors: [404],
  },
  'POST /v1/open311/keys': {
    operationId: 'createOpen311Key',
    tag: '管理员',
    summary: '为 311 客户端应用签发 api_key（只显示这一次）',
    body: clientApplicationSchema,
    success: { status: 201, description: '应用与密钥', schema: clientKeySchema },
    errors: [400, 413, 415],
  },
  'GET /v1/open311/keys': {
    operationId: 'listOpen311Keys',
    tag: '管理员',
    summary: '311 客户端应用（不含密钥）',
    success: { status: 200, description: '应用', schema: clientApplicationListSchema },
    errors: [],
  },
  'DELETE /v1/open311/keys/{keyId}': {
    operationId: 'revokeOpen311Key',
    tag: '管理员',
    summary: '吊销 api_key（下次使用即被拒绝）',
    success: { status: 200, description: '已吊销', schema: revokedKeySchema },
    errors: [400, 404],
  },
};

/** The contract of every route, by route key; a route without one fails the document's test. */
export const OPERATIONS: Readonly<Record<string, Operation>> = {
  ...OPEN311_OPERATIONS,
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
  'POST /v1/departments': {
    operationId: 'createDepartment',
    tag: '管理员',
    summary: '新增承办单位（机构调整时）',
    description:
      '编号形如 dept-urban，创建后不可更改；新单位即时生效，可接收转办，acceptsConsultations 为 true 时出现在在线咨询表单中。' +
      '每次新增与修改都记入审计（修改前后的记录）。',
    body: newDepartmentSchema,
    success: { status: 201, description: '新增的承办单位', schema: departmentSchema },
    errors: [400, 409, 413, 415],
  },
  'PATCH /v1/departments/{departmentId}': {
    operationId: 'updateDepartment',
    tag: '管理员',
    summary: '修改承办单位：名称、职责说明、是否受理咨询、停用或启用',
    description:
      '单位从不删除：停用后不再接收新的转办和咨询（400 UNKNOWN_DEPARTMENT），已有案件照常办理，统计保留。',
    body: departmentChangesSchema,
    success: { status: 200, description: '修改后的承办单位', schema: departmentSchema },
    errors: [400, 404, 413, 415],
  },
  'GET /v1/staff': {
    operationId: 'listStaff',
    tag: '管理员',
    summary: '工作人员账号列表',
    description: '全部账号（含已停用的），按用户名排序。',
    success: { status: 200, description: '账号', schema: staffListSchema },
    errors: [],
  },
  'POST /v1/staff': {
    operationId: 'createStaff',
    tag: '管理员',
    summary: '新建工作人员账号',
    description:
      '承办单位账号（roles 含 department）必须指定 departmentId，其他账号不得指定。云端同时在 Cognito 用户池建号并分组，' +
      '返回一次性的临时密码（由管理员当面交付；首次登录须修改密码并绑定 MFA）；本地账号即可用 /local/login 登录。',
    body: newStaffSchema,
    success: { status: 201, description: '新建的账号', schema: staffAccountSchema },
    errors: [400, 409, 413, 415],
  },
  'PATCH /v1/staff/{username}': {
    operationId: 'updateStaff',
    tag: '管理员',
    summary: '修改账号：角色、所属单位、姓名、电话、停用或启用',
    description:
      '账号从不删除。停用后，该账号尚未过期的凭证在下一次请求即被拒绝（401 ACCOUNT_DISABLED）；撤销的角色立即失效。' +
      '不能停用或撤销最后一位管理员（409 LAST_ADMIN）。每次修改记入审计（修改前后）。',
    body: staffChangesSchema,
    success: { status: 200, description: '修改后的账号', schema: staffAccountSchema },
    errors: [400, 404, 409, 413, 415],
  },
  'GET /v1/settings/time-limits': {
    operationId: 'getTimeLimits',
    tag: '管理员',
    summary: '现行时限（工作日）',
    description:
      '分拣、签收、退单、各类诉求办理、延期上限、审核、回访、红牌与重办次数，未修改过的为 DOMAIN.md 的默认值。',
    success: { status: 200, description: '现行时限', schema: timeLimitsViewSchema },
    errors: [],
  },
  'PUT /v1/settings/time-limits': {
    operationId: 'changeTimeLimits',
    tag: '管理员',
    summary: '修改时限（须提交全部时限）',
    description:
      '新时限用于此后计算的每个期限（转办后的办理期限、签收期限、延期上限等）；已在计时的期限保持原日期。' +
      '每次修改记入审计（修改前后的时限）；两位管理员同时修改时后提交者得到 409 SETTINGS_CHANGED。',
    body: timeLimitsSchema,
    success: { status: 200, description: '修改后的时限', schema: timeLimitsViewSchema },
    errors: [400, 409, 413, 415],
  },
  'GET /v1/settings/calendar/{year}': {
    operationId: 'getCalendarYear',
    tag: '管理员',
    summary: '某年的法定节假日与调休上班日',
    description:
      'source：published 为管理员发布，statutory 为内置数据（chinese-days，国务院办公厅通知），' +
      'weekdays 为尚无数据（按周一至周五计算，期限标为估算）。',
    success: { status: 200, description: '该年日历', schema: calendarYearSchema },
    errors: [400],
  },
  'PUT /v1/settings/calendar/{year}': {
    operationId: 'publishCalendarYear',
    tag: '管理员',
    summary: '发布某年的放假安排（国务院办公厅通知公布当天即可录入）',
    description:
      '提交该年全部法定节假日（含假期中的周末）和调休上班日（须为周六或周日），整体替换内置数据中该年的安排。' +
      '此后计算的期限按新日历跳过节假日；已在计时的期限保持原日期。每次发布记入审计。',
    body: yearScheduleSchema(2027),
    success: { status: 200, description: '发布后的该年日历', schema: calendarYearSchema },
    errors: [400, 409, 413, 415],
  },
  'POST /v1/letters/forwarded': {
    operationId: 'submitForwardedLetter',
    tag: '工作人员',
    summary: '登记上级转办件（省长信箱、国务院“互联网+督查”等）',
    description:
      '派单员登记上级机关转来的信件及其来文编号，渠道为 forwarded；案件在工作人员的详情、列表中显示来源与来文编号。' +
      '有 answerBackBy（反馈期限）时，案件各环节的期限都不晚于该日 24 时。不公开。' +
      '向上级反馈的清单：GET /v1/cases?channel=forwarded&answerBackDue=YYYY-MM-DD&order=oldest。',
    body: forwardedLetterSchema,
    headers: ['Idempotency-Key'],
    success: { status: 201, description: '案件编号与查询码', schema: receiptSchema },
    errors: [400, 409, 413, 415, 422],
  },
  'POST /v1/uploads': {
    operationId: 'offerUpload',
    tag: '群众',
    summary: '上传附件（取得上传表单）',
    description:
      `每个文件先取一张上传表单：JPEG、PNG 或 PDF，单个不超过 ${megabytes(ATTACHMENT_RULES.maxBytes)}。` +
      '把 fields 中的字段依次放入 multipart/form-data 表单，文件放在最后（字段名 file），POST 到 url；' +
      `表单 ${ATTACHMENT_RULES.uploadExpiresSeconds / 60} 分钟内有效，存储服务按表单中的策略拒收其他大小和类型。` +
      `再在写信、咨询（或承办单位答复）时把 uploadId 放入 attachments（最多 ${ATTACHMENT_RULES.maxFiles} 个）。` +
      '提交时按文件内容核验大小和类型：不符的文件被删除并返回 400 ATTACHMENT_REJECTED；' +
      `上传后 ${ATTACHMENT_RULES.unlinkedUploadDays} 天内未提交的文件自动删除。附件不公开，查看需短时有效的下载地址。`,
    body: uploadRequestSchema,
    success: { status: 201, description: '上传表单', schema: uploadOfferSchema },
    errors: [400, 413, 415, 422, 429],
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
      schema: z.union([citizenCaseSchema, staffCaseSchema]),
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
