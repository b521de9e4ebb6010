import * as z from 'zod';
import { ATTACHMENT_RULES, ATTACHMENT_TYPE_NAMES } from '../domain/attachment';
import { CASE_KINDS, CHANNELS, FORWARDING_SOURCES, MAILBOXES, REQUEST_TYPES } from '../domain/case-kinds';
import { DATUMS } from '../domain/case-location';
import { CASE_ACTION_TYPES } from '../domain/lifecycle/action-table';
import { COUNTERS } from '../domain/metrics/counters';
import { RATE_NAMES } from '../domain/metrics/rates';
import { STAFF_ROLES } from '../domain/roles';
import { CASE_STATUSES } from '../domain/statuses';
import { timeLimitsSchema } from '../http/settings-schemas';
import { ERROR_CODES, type ErrorCode } from './error-codes';

/**
 * What the API answers, as schemas: the OpenAPI document publishes them and the contract test
 * validates every response of the end-to-end suite against them. Objects are strict — a field
 * a view adds without adding it here fails the build.
 */
const instant = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601, with its offset' });
const label = z.string().meta({ description: '简体中文名称' });
const satisfaction = z.enum(['satisfied', 'basically_satisfied', 'dissatisfied']);

const caseHeading = {
  caseId: z.string().meta({ description: '案件编号，如 XJ20261202000123' }),
  kind: z.enum(CASE_KINDS),
  kindLabel: label,
  type: z.enum(REQUEST_TYPES),
  typeLabel: label,
  status: z.enum(CASE_STATUSES),
  statusLabel: label,
  createdAt: instant,
};

export const errorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
      message: z.string().meta({ description: '简体中文说明，可直接展示给用户' }),
      details: z.array(z.record(z.string(), z.unknown())).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** What API Gateway itself answers before any function runs (no route, no token, throttled). */
export const gatewayErrorSchema = z.strictObject({ message: z.string() }).meta({ id: 'GatewayError' });

export const receiptSchema = z
  .strictObject({
    caseId: z.string(),
    queryCode: z.string().meta({ description: '查询码：只显示这一次，不再保存明文' }),
    status: z.enum(CASE_STATUSES),
    createdAt: instant,
  })
  .meta({ id: 'Receipt' });

/** A file of a case as a view shows it (附件), with a link that opens it for a few minutes. */
const attachment = z
  .strictObject({
    id: z.uuid(),
    fileName: z.string(),
    contentType: z.enum(ATTACHMENT_TYPE_NAMES),
    size: z.int().positive().meta({ description: '字节' }),
    origin: z
      .enum(['citizen', 'department'])
      .meta({ description: 'citizen：来信人；department：承办单位随答复上传' }),
    addedAt: instant,
    publishable: z.boolean().meta({ description: '审核人员是否允许随公开信件公开' }),
    download: z.strictObject({
      url: z.url(),
      expiresAt: instant.meta({
        description: `下载地址 ${ATTACHMENT_RULES.downloadExpiresSeconds / 60} 分钟内有效`,
      }),
    }),
  })
  .meta({ id: 'Attachment' });

/** POST /v1/uploads: the form to post one file with, straight to the attachment bucket. */
export const uploadOfferSchema = z
  .strictObject({
    uploadId: z.uuid().meta({ description: '提交信件、咨询或答复时放入 attachments' }),
    url: z.url().meta({ description: '以 multipart/form-data POST 到此地址' }),
    fields: z
      .record(z.string(), z.string())
      .meta({ description: '依次放入表单的字段；文件放在最后，字段名为 file' }),
    expiresAt: instant,
    maxBytes: z.int().positive(),
  })
  .meta({ id: 'UploadOffer' });

export const citizenCaseSchema = z
  .strictObject({
    ...caseHeading,
    title: z.string(),
    timeline: z.array(
      z.strictObject({
        at: instant,
        action: z.string(),
        label,
        by: label,
        status: z.enum(CASE_STATUSES),
        statusLabel: label,
        departmentName: z.string().optional(),
        note: z.string().optional(),
      }),
    ),
    reply: z
      .strictObject({ content: z.string(), repliedAt: instant, departmentName: z.string().optional() })
      .optional(),
    rating: z.strictObject({ satisfaction, resolved: z.boolean(), at: instant }).optional(),
    mergedInto: z.string().optional(),
    attachments: z
      .array(attachment)
      .meta({ description: '本人上传的附件，以及已送达答复所附的承办单位附件' }),
  })
  .meta({ id: 'CitizenCase' });

const reply = z.strictObject({
  content: z.string(),
  source: z.enum(['answer', 'department']),
  by: z.string(),
  departmentId: z.string().optional(),
  writtenAt: instant,
  deliveredAt: instant.optional(),
  attachmentIds: z.array(z.uuid()).optional().meta({ description: '随答复的附件（见 attachments）' }),
});

const timelineEntry = z.strictObject({
  at: instant,
  actor: z.string().meta({ description: '工作人员账号、citizen 或 system' }),
  role: z.enum([...STAFF_ROLES, 'citizen', 'system']),
  action: z.string(),
  status: z.enum(CASE_STATUSES),
  note: z.string().optional(),
  departmentId: z.string().optional(),
});

const overdue = z.strictObject({ card: z.enum(['yellow', 'red']), since: instant });

/** A forwarded letter's source (转办件): shown wherever staff see the case. */
const forwarded = z
  .strictObject({
    source: z.enum(FORWARDING_SOURCES),
    sourceLabel: label,
    reference: z.string().meta({ description: '来文编号' }),
    forwardingOffice: z.string().meta({ description: '转办机关' }),
    receivedAt: instant,
    answerBackBy: instant.optional().meta({ description: '向上级反馈的期限（当日 24 时）' }),
  })
  .meta({ id: 'ForwardedFrom' });

export const staffCaseSchema = z
  .strictObject({
    ...caseHeading,
    channel: z.enum(CHANNELS),
    channelLabel: label,
    forwarded: forwarded.optional(),
    mailbox: z.enum(MAILBOXES).optional(),
    mailboxLabel: label.optional(),
    title: z.string(),
    content: z.string(),
    location: z
      .strictObject({
        address: z.string().optional(),
        lat: z.number().optional(),
        long: z.number().optional(),
        datum: z.enum(DATUMS).optional(),
      })
      .optional(),
    version: z.int(),
    confidential: z.boolean(),
    publicConsent: z.boolean(),
    citizen: z
      .strictObject({
        name: z.string().optional(),
        phone: z.string(),
        idNumber: z.string().optional(),
        address: z.string().optional(),
        email: z.string().optional(),
      })
      .meta({ description: '按角色脱敏的联系方式（DOMAIN.md“个人信息”）' }),
    requestedDepartmentId: z.string().optional(),
    department: z.strictObject({ departmentId: z.string(), name: z.string() }).optional(),
    deadlines: z.strictObject({
      triageBy: instant.optional(),
      handleBy: instant.optional(),
      reviewBy: instant.optional(),
      followUpBy: instant.optional(),
      estimated: z.boolean().optional(),
    }),
    assignments: z.array(
      z.strictObject({
        departmentId: z.string(),
        instructions: z.string(),
        at: instant,
        signBy: instant,
        returnBy: instant,
        signedAt: instant.optional(),
        returnedAt: instant.optional(),
      }),
    ),
    extension: z
      .strictObject({
        workingDays: z.int(),
        reason: z.string(),
        requestedAt: instant,
        requestedBy: z.string(),
        decision: z.enum(['approved', 'refused']).optional(),
        decidedAt: instant.optional(),
      })
      .optional(),
    draftReply: reply.optional(),
    reply: reply.optional(),
    rating: z
      .strictObject({
        resolved: z.boolean(),
        satisfaction,
        comment: z.string().optional(),
        by: z.enum(['citizen', 'operator']),
        at: instant,
      })
      .optional(),
    overdue: overdue.optional(),
    mergedInto: z.string().optional(),
    rejectionReason: z.string().optional(),
    closedAt: instant.optional(),
    closedUnrated: z.boolean().optional(),
    reopenCount: z.int(),
    returnCount: z.int(),
    supervisionCount: z.int(),
    timeline: z.array(timelineEntry.extend({ roleLabel: label })),
    attachments: z
      .array(attachment)
      .meta({ description: '本案全部附件：来信人上传的与承办单位随答复上传的' }),
    availableActions: z
      .array(z.enum(CASE_ACTION_TYPES))
      .meta({ description: '该角色在当前状态下可执行的操作（界面据此显示按钮）' }),
  })
  .meta({ id: 'StaffCase' });

export const actionResultSchema = z
  .strictObject({
    caseId: z.string(),
    status: z.enum(CASE_STATUSES),
    statusLabel: label,
    version: z.int(),
    entry: timelineEntry,
  })
  .meta({ id: 'ActionResult' });

const nextCursor = z.string().optional().meta({ description: '下一页的游标；没有更多时省略' });

export const caseListSchema = z
  .strictObject({
    cases: z.array(
      z.strictObject({
        ...caseHeading,
        channel: z.enum(CHANNELS),
        forwarded: forwarded.optional(),
        title: z.string(),
        version: z.int(),
        departmentId: z.string().optional(),
        deadline: instant.optional(),
        overdue: overdue.optional(),
        returnCount: z.int().positive().optional().meta({ description: '被退单次数' }),
        supervisionCount: z.int().positive().optional().meta({ description: '被督办次数' }),
        pendingExtension: z
          .strictObject({ workingDays: z.int().positive(), requestedAt: instant })
          .optional()
          .meta({ description: '待审批的延期申请' }),
      }),
    ),
    nextCursor,
  })
  .meta({ id: 'CaseList' });

export const publicCaseListSchema = z
  .strictObject({
    cases: z.array(
      z.strictObject({
        ...caseHeading,
        title: z.string(),
        content: z.string(),
        location: z
          .strictObject({ address: z.string().meta({ description: '只到街道，不含门牌号' }) })
          .optional(),
        reply: z.strictObject({
          content: z.string(),
          repliedAt: instant,
          departmentName: z.string().optional(),
        }),
        attachments: z.array(attachment).optional().meta({ description: '审核人员允许公开的附件' }),
      }),
    ),
    nextCursor,
  })
  .meta({ id: 'PublicCaseList' });

const totals = z
  .strictObject(Object.fromEntries([...COUNTERS, 'accepted'].map((name) => [name, z.int()])))
  .meta({ id: 'Totals', description: '计数（DOMAIN.md“指标”）；accepted = received − rejected − merged' });
const rates = z
  .strictObject(Object.fromEntries(RATE_NAMES.map((name) => [name, z.number().nullable()])))
  .meta({ id: 'Rates', description: '百分比，两位小数，四舍五入；分母为 0 时为 null' });

const statisticsFields = {
  from: z.iso.date(),
  to: z.iso.date(),
  scope: z.strictObject({ dimension: z.string(), value: z.string().optional() }),
  totals,
  rates,
  groups: z.array(z.strictObject({ key: z.string(), label: z.string(), totals, rates })),
};

export const statisticsSchema = z.strictObject(statisticsFields).meta({ id: 'Statistics' });

export const reportSchema = z
  .strictObject({ paragraph: z.string().meta({ description: '工作报告中的一段文字' }), ...statisticsFields })
  .meta({ id: 'Report' });

export const auditPageSchema = z
  .strictObject({
    entries: z.array(
      z.strictObject({
        caseId: z.string(),
        at: instant,
        actor: z.string(),
        role: z.string(),
        kind: z.enum(['state_change', 'contact_read', 'admin_change']),
        action: z.string(),
        fromStatus: z.string().optional(),
        toStatus: z.string().optional(),
        purpose: z.string().optional(),
        before: z.string().optional().meta({ description: '管理员修改前的记录（JSON）' }),
        after: z.string().optional().meta({ description: '管理员修改后的记录（JSON）' }),
        correlationId: z.string().optional().meta({
          description: '关联编号：产生该记录的请求（日志中的 correlation_id，响应头 x-correlation-id）',
        }),
      }),
    ),
    nextCursor,
  })
  .meta({ id: 'AuditPage' });

export const staffProfileSchema = z
  .strictObject({
    username: z.string(),
    roles: z.array(z.strictObject({ role: z.enum(STAFF_ROLES), label })),
    department: z.strictObject({ departmentId: z.string(), name: z.string() }).optional(),
  })
  .meta({ id: 'StaffProfile' });

export const staffAccountSchema = z
  .strictObject({
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(STAFF_ROLES)),
    departmentId: z.string().optional().meta({ description: '承办单位账号的所属单位' }),
    phone: z.string().optional(),
    enabled: z.boolean().meta({ description: '停用的账号在下一次请求即被拒绝（401 ACCOUNT_DISABLED）' }),
    temporaryPassword: z
      .string()
      .optional()
      .meta({ description: '仅在云端新建账号时返回一次：首次登录须修改密码并绑定 MFA' }),
  })
  .meta({ id: 'StaffAccount' });

export const staffListSchema = z
  .strictObject({ staff: z.array(staffAccountSchema) })
  .meta({ id: 'StaffList' });

export const healthSchema = z.strictObject({ status: z.literal('ok') }).meta({ id: 'Health' });

/** The time limits as GET and PUT answer them: the very schema PUT validates. */
export const timeLimitsViewSchema = timeLimitsSchema.meta({ id: 'TimeLimits' });

export const calendarYearSchema = z
  .strictObject({
    year: z.int(),
    holidays: z.array(z.string().meta({ format: 'date' })),
    workdays: z.array(z.string().meta({ format: 'date' })),
    source: z.enum(['published', 'statutory', 'weekdays']).meta({
      description: 'published 管理员发布；statutory 内置数据；weekdays 尚无数据，按周一至周五计算',
    }),
  })
  .meta({ id: 'CalendarYear' });

export const departmentSchema = z
  .strictObject({
    departmentId: z.string().meta({ description: '如 dept-housing' }),
    name: z.string(),
    description: z.string().optional(),
    acceptsConsultations: z.boolean(),
    active: z.boolean().meta({ description: '停用的单位不再接收转办和咨询，保留其案件和统计' }),
  })
  .meta({ id: 'Department' });

export const departmentListSchema = z
  .strictObject({
    departments: z.array(
      z.strictObject({
        departmentId: z.string().meta({ description: '如 dept-housing' }),
        name: z.string(),
        description: z.string().optional(),
        acceptsConsultations: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'DepartmentList' });

const clientApplication = {
  keyId: z.string(),
  name: z.string(),
  createdAt: instant,
  createdBy: z.string(),
  revokedAt: instant.optional(),
};

export const clientKeySchema = z
  .strictObject({
    ...clientApplication,
    apiKey: z.string().meta({ description: '只显示这一次；只保存其哈希' }),
  })
  .meta({ id: 'ClientKey' });

export const clientApplicationListSchema = z
  .strictObject({ applications: z.array(z.strictObject(clientApplication)) })
  .meta({ id: 'ClientApplicationList' });

export const revokedKeySchema = z
  .strictObject({ keyId: z.string(), revoked: z.literal(true) })
  .meta({ id: 'RevokedKey' });
