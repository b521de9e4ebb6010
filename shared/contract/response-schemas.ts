import * as z from 'zod/mini';
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
const instant = z.iso.datetime({ offset: true }).check(z.meta({ description: 'ISO 8601, with its offset' }));
const label = z.string().check(z.meta({ description: '简体中文名称' }));
const satisfaction = z.enum(['satisfied', 'basically_satisfied', 'dissatisfied']);

const caseHeading = {
  caseId: z.string().check(z.meta({ description: '案件编号，如 XJ20261202000123' })),
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
      message: z.string().check(z.meta({ description: '简体中文说明，可直接展示给用户' })),
      details: z.optional(z.array(z.record(z.string(), z.unknown()))),
    }),
  })
  .check(z.meta({ id: 'Error' }));

/** What API Gateway itself answers before any function runs (no route, no token, throttled). */
export const gatewayErrorSchema = z
  .strictObject({ message: z.string() })
  .check(z.meta({ id: 'GatewayError' }));

export const receiptSchema = z
  .strictObject({
    caseId: z.string(),
    queryCode: z.string().check(z.meta({ description: '查询码：只显示这一次，不再保存明文' })),
    status: z.enum(CASE_STATUSES),
    createdAt: instant,
  })
  .check(z.meta({ id: 'Receipt' }));

/** A file of a case as a view shows it (附件), with a link that opens it for a few minutes. */
const attachment = z
  .strictObject({
    id: z.uuid(),
    fileName: z.string(),
    contentType: z.enum(ATTACHMENT_TYPE_NAMES),
    size: z.int().check(z.positive(), z.meta({ description: '字节' })),
    origin: z
      .enum(['citizen', 'department'])
      .check(z.meta({ description: 'citizen：来信人；department：承办单位随答复上传' })),
    addedAt: instant,
    publishable: z.boolean().check(z.meta({ description: '审核人员是否允许随公开信件公开' })),
    download: z.strictObject({
      url: z.url(),
      expiresAt: instant.check(
        z.meta({
          description: `下载地址 ${ATTACHMENT_RULES.downloadExpiresSeconds / 60} 分钟内有效`,
        }),
      ),
    }),
  })
  .check(z.meta({ id: 'Attachment' }));

/** POST /v1/uploads: the form to post one file with, straight to the attachment bucket. */
export const uploadOfferSchema = z
  .strictObject({
    uploadId: z.uuid().check(z.meta({ description: '提交信件、咨询或答复时放入 attachments' })),
    url: z.url().check(z.meta({ description: '以 multipart/form-data POST 到此地址' })),
    fields: z
      .record(z.string(), z.string())
      .check(z.meta({ description: '依次放入表单的字段；文件放在最后，字段名为 file' })),
    expiresAt: instant,
    maxBytes: z.int().check(z.positive()),
  })
  .check(z.meta({ id: 'UploadOffer' }));

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
        departmentName: z.optional(z.string()),
        note: z.optional(z.string()),
      }),
    ),
    reply: z.optional(
      z.strictObject({ content: z.string(), repliedAt: instant, departmentName: z.optional(z.string()) }),
    ),
    rating: z.optional(z.strictObject({ satisfaction, resolved: z.boolean(), at: instant })),
    mergedInto: z.optional(z.string()),
    attachments: z
      .array(attachment)
      .check(z.meta({ description: '本人上传的附件，以及已送达答复所附的承办单位附件' })),
  })
  .check(z.meta({ id: 'CitizenCase' }));

const reply = z.strictObject({
  content: z.string(),
  source: z.enum(['answer', 'department']),
  by: z.string(),
  departmentId: z.optional(z.string()),
  writtenAt: instant,
  deliveredAt: z.optional(instant),
  attachmentIds: z
    .optional(z.array(z.uuid()))
    .check(z.meta({ description: '随答复的附件（见 attachments）' })),
});

const timelineEntry = z.strictObject({
  at: instant,
  actor: z.string().check(z.meta({ description: '工作人员账号、citizen 或 system' })),
  role: z.enum([...STAFF_ROLES, 'citizen', 'system']),
  action: z.string(),
  status: z.enum(CASE_STATUSES),
  note: z.optional(z.string()),
  departmentId: z.optional(z.string()),
});

const overdue = z.strictObject({ card: z.enum(['yellow', 'red']), since: instant });

/** A forwarded letter's source (转办件): shown wherever staff see the case. */
const forwarded = z
  .strictObject({
    source: z.enum(FORWARDING_SOURCES),
    sourceLabel: label,
    reference: z.string().check(z.meta({ description: '来文编号' })),
    forwardingOffice: z.string().check(z.meta({ description: '转办机关' })),
    receivedAt: instant,
    answerBackBy: z.optional(instant).check(z.meta({ description: '向上级反馈的期限（当日 24 时）' })),
  })
  .check(z.meta({ id: 'ForwardedFrom' }));

export const staffCaseSchema = z
  .strictObject({
    ...caseHeading,
    channel: z.enum(CHANNELS),
    channelLabel: label,
    forwarded: z.optional(forwarded),
    mailbox: z.optional(z.enum(MAILBOXES)),
    mailboxLabel: z.optional(label),
    title: z.string(),
    content: z.string(),
    location: z.optional(
      z.strictObject({
        address: z.optional(z.string()),
        lat: z.optional(z.number()),
        long: z.optional(z.number()),
        datum: z.optional(z.enum(DATUMS)),
      }),
    ),
    version: z.int(),
    confidential: z.boolean(),
    publicConsent: z.boolean(),
    citizen: z
      .strictObject({
        name: z.optional(z.string()),
        phone: z.string(),
        idNumber: z.optional(z.string()),
        address: z.optional(z.string()),
        email: z.optional(z.string()),
      })
      .check(z.meta({ description: '按角色脱敏的联系方式（DOMAIN.md“个人信息”）' })),
    requestedDepartmentId: z.optional(z.string()),
    department: z.optional(z.strictObject({ departmentId: z.string(), name: z.string() })),
    deadlines: z.strictObject({
      triageBy: z.optional(instant),
      handleBy: z.optional(instant),
      reviewBy: z.optional(instant),
      followUpBy: z.optional(instant),
      estimated: z.optional(z.boolean()),
    }),
    assignments: z.array(
      z.strictObject({
        departmentId: z.string(),
        instructions: z.string(),
        at: instant,
        signBy: instant,
        returnBy: instant,
        signedAt: z.optional(instant),
        returnedAt: z.optional(instant),
      }),
    ),
    extension: z.optional(
      z.strictObject({
        workingDays: z.int(),
        reason: z.string(),
        requestedAt: instant,
        requestedBy: z.string(),
        decision: z.optional(z.enum(['approved', 'refused'])),
        decidedAt: z.optional(instant),
      }),
    ),
    draftReply: z.optional(reply),
    reply: z.optional(reply),
    rating: z.optional(
      z.strictObject({
        resolved: z.boolean(),
        satisfaction,
        comment: z.optional(z.string()),
        by: z.enum(['citizen', 'operator']),
        at: instant,
      }),
    ),
    overdue: z.optional(overdue),
    mergedInto: z.optional(z.string()),
    rejectionReason: z.optional(z.string()),
    closedAt: z.optional(instant),
    closedUnrated: z.optional(z.boolean()),
    reopenCount: z.int(),
    returnCount: z.int(),
    supervisionCount: z.int(),
    timeline: z.array(z.extend(timelineEntry, { roleLabel: label })),
    attachments: z
      .array(attachment)
      .check(z.meta({ description: '本案全部附件：来信人上传的与承办单位随答复上传的' })),
    availableActions: z
      .array(z.enum(CASE_ACTION_TYPES))
      .check(z.meta({ description: '该角色在当前状态下可执行的操作（界面据此显示按钮）' })),
  })
  .check(z.meta({ id: 'StaffCase' }));

export const actionResultSchema = z
  .strictObject({
    caseId: z.string(),
    status: z.enum(CASE_STATUSES),
    statusLabel: label,
    version: z.int(),
    entry: timelineEntry,
  })
  .check(z.meta({ id: 'ActionResult' }));

const nextCursor = z.optional(z.string()).check(z.meta({ description: '下一页的游标；没有更多时省略' }));

export const caseListSchema = z
  .strictObject({
    cases: z.array(
      z.strictObject({
        ...caseHeading,
        channel: z.enum(CHANNELS),
        forwarded: z.optional(forwarded),
        title: z.string(),
        version: z.int(),
        departmentId: z.optional(z.string()),
        deadline: z.optional(instant),
        overdue: z.optional(overdue),
        returnCount: z.optional(z.int().check(z.positive())).check(z.meta({ description: '被退单次数' })),
        supervisionCount: z
          .optional(z.int().check(z.positive()))
          .check(z.meta({ description: '被督办次数' })),
        pendingExtension: z
          .optional(z.strictObject({ workingDays: z.int().check(z.positive()), requestedAt: instant }))
          .check(z.meta({ description: '待审批的延期申请' })),
      }),
    ),
    nextCursor,
  })
  .check(z.meta({ id: 'CaseList' }));

export const publicCaseListSchema = z
  .strictObject({
    cases: z.array(
      z.strictObject({
        ...caseHeading,
        title: z.string(),
        content: z.string(),
        location: z.optional(
          z.strictObject({ address: z.string().check(z.meta({ description: '只到街道，不含门牌号' })) }),
        ),
        reply: z.strictObject({
          content: z.string(),
          repliedAt: instant,
          departmentName: z.optional(z.string()),
        }),
        attachments: z.optional(z.array(attachment)).check(z.meta({ description: '审核人员允许公开的附件' })),
      }),
    ),
    nextCursor,
  })
  .check(z.meta({ id: 'PublicCaseList' }));

const totals = z
  .strictObject(Object.fromEntries([...COUNTERS, 'accepted'].map((name) => [name, z.int()])))
  .check(
    z.meta({ id: 'Totals', description: '计数（DOMAIN.md“指标”）；accepted = received − rejected − merged' }),
  );
const rates = z
  .strictObject(Object.fromEntries(RATE_NAMES.map((name) => [name, z.nullable(z.number())])))
  .check(z.meta({ id: 'Rates', description: '百分比，两位小数，四舍五入；分母为 0 时为 null' }));

const statisticsFields = {
  from: z.iso.date(),
  to: z.iso.date(),
  scope: z.strictObject({ dimension: z.string(), value: z.optional(z.string()) }),
  totals,
  rates,
  groups: z.array(z.strictObject({ key: z.string(), label: z.string(), totals, rates })),
};

export const statisticsSchema = z.strictObject(statisticsFields).check(z.meta({ id: 'Statistics' }));

export const reportSchema = z
  .strictObject({
    paragraph: z.string().check(z.meta({ description: '工作报告中的一段文字' })),
    ...statisticsFields,
  })
  .check(z.meta({ id: 'Report' }));

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
        fromStatus: z.optional(z.string()),
        toStatus: z.optional(z.string()),
        purpose: z.optional(z.string()),
        before: z.optional(z.string()).check(z.meta({ description: '管理员修改前的记录（JSON）' })),
        after: z.optional(z.string()).check(z.meta({ description: '管理员修改后的记录（JSON）' })),
        correlationId: z.optional(z.string()).check(
          z.meta({
            description: '关联编号：产生该记录的请求（日志中的 correlation_id，响应头 x-correlation-id）',
          }),
        ),
      }),
    ),
    nextCursor,
  })
  .check(z.meta({ id: 'AuditPage' }));

export const staffProfileSchema = z
  .strictObject({
    username: z.string(),
    roles: z.array(z.strictObject({ role: z.enum(STAFF_ROLES), label })),
    department: z.optional(z.strictObject({ departmentId: z.string(), name: z.string() })),
  })
  .check(z.meta({ id: 'StaffProfile' }));

export const staffAccountSchema = z
  .strictObject({
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(STAFF_ROLES)),
    departmentId: z.optional(z.string()).check(z.meta({ description: '承办单位账号的所属单位' })),
    phone: z.optional(z.string()),
    enabled: z
      .boolean()
      .check(z.meta({ description: '停用的账号在下一次请求即被拒绝（401 ACCOUNT_DISABLED）' })),
    temporaryPassword: z
      .optional(z.string())
      .check(z.meta({ description: '仅在云端新建账号时返回一次：首次登录须修改密码并绑定 MFA' })),
  })
  .check(z.meta({ id: 'StaffAccount' }));

export const staffListSchema = z
  .strictObject({ staff: z.array(staffAccountSchema) })
  .check(z.meta({ id: 'StaffList' }));

export const healthSchema = z.strictObject({ status: z.literal('ok') }).check(z.meta({ id: 'Health' }));

/** The time limits as GET and PUT answer them: the very schema PUT validates. */
export const timeLimitsViewSchema = timeLimitsSchema.check(z.meta({ id: 'TimeLimits' }));

export const calendarYearSchema = z
  .strictObject({
    year: z.int(),
    holidays: z.array(z.string().check(z.meta({ format: 'date' }))),
    workdays: z.array(z.string().check(z.meta({ format: 'date' }))),
    source: z.enum(['published', 'statutory', 'weekdays']).check(
      z.meta({
        description: 'published 管理员发布；statutory 内置数据；weekdays 尚无数据，按周一至周五计算',
      }),
    ),
  })
  .check(z.meta({ id: 'CalendarYear' }));

export const departmentSchema = z
  .strictObject({
    departmentId: z.string().check(z.meta({ description: '如 dept-housing' })),
    name: z.string(),
    description: z.optional(z.string()),
    acceptsConsultations: z.boolean(),
    active: z.boolean().check(z.meta({ description: '停用的单位不再接收转办和咨询，保留其案件和统计' })),
  })
  .check(z.meta({ id: 'Department' }));

export const departmentListSchema = z
  .strictObject({
    departments: z.array(
      z.strictObject({
        departmentId: z.string().check(z.meta({ description: '如 dept-housing' })),
        name: z.string(),
        description: z.optional(z.string()),
        acceptsConsultations: z.boolean(),
      }),
    ),
  })
  .check(z.meta({ id: 'DepartmentList' }));

const clientApplication = {
  keyId: z.string(),
  name: z.string(),
  createdAt: instant,
  createdBy: z.string(),
  revokedAt: z.optional(instant),
};

export const clientKeySchema = z
  .strictObject({
    ...clientApplication,
    apiKey: z.string().check(z.meta({ description: '只显示这一次；只保存其哈希' })),
  })
  .check(z.meta({ id: 'ClientKey' }));

export const clientApplicationListSchema = z
  .strictObject({ applications: z.array(z.strictObject(clientApplication)) })
  .check(z.meta({ id: 'ClientApplicationList' }));

export const revokedKeySchema = z
  .strictObject({ keyId: z.string(), revoked: z.literal(true) })
  .check(z.meta({ id: 'RevokedKey' }));
