/**
 * Every error `code` the API answers with, its HTTP status and what it means — the catalogue the
 * OpenAPI document publishes. A test finds every code the source can throw and fails if one is
 * missing here or listed with another status.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, meaning: '请求参数不符合要求；details 逐项说明字段和原因' },
  MALFORMED_JSON: { status: 400, meaning: '请求内容不是有效的 JSON' },
  MALFORMED_PATH: { status: 400, meaning: '请求地址的编码有误' },
  INVALID_CURSOR: { status: 400, meaning: '分页游标无效、已被改动或属于另一查询' },
  UNKNOWN_DEPARTMENT: { status: 400, meaning: '承办单位不存在或已停用' },
  UNKNOWN_CASE: { status: 400, meaning: '请求中引用的另一案件不存在' },
  ATTACHMENT_NOT_FOUND: { status: 400, meaning: '附件未上传成功或已过期（上传后一天内须提交）' },
  ATTACHMENT_REJECTED: { status: 400, meaning: '附件为空、超过大小限制或内容不是所声明的类型；已删除' },
  MERGE_KIND_MISMATCH: { status: 400, meaning: '只能并入同一类型的案件' },
  UNAUTHENTICATED: { status: 401, meaning: '缺少或无效的登录凭证' },
  ACCOUNT_DISABLED: { status: 401, meaning: '账号已停用或不存在（凭证未过期也立即拒绝）' },
  QUERY_CODE_REQUIRED: { status: 401, meaning: '查询本人案件需要 X-Query-Code 请求头' },
  FORBIDDEN: { status: 403, meaning: '角色无权调用此接口或执行此操作' },
  INVALID_API_KEY: { status: 403, meaning: 'Open311 api_key 缺失、无效或已吊销' },
  CASE_NOT_FOUND: { status: 404, meaning: '案件不存在、查询码错误，或不属于本单位' },
  UNKNOWN_SERVICE: { status: 404, meaning: 'Open311 服务代码不存在' },
  UNKNOWN_FORMAT: { status: 404, meaning: 'Open311 资源只提供 .json 和 .xml 两种格式' },
  UNKNOWN_KEY: { status: 404, meaning: 'Open311 客户端密钥不存在' },
  DEPARTMENT_NOT_FOUND: { status: 404, meaning: '没有这个编号的承办单位' },
  DEPARTMENT_EXISTS: { status: 409, meaning: '承办单位编号已存在' },
  STAFF_NOT_FOUND: { status: 404, meaning: '没有这个用户名的工作人员账号' },
  STAFF_EXISTS: { status: 409, meaning: '用户名已被使用' },
  LAST_ADMIN: { status: 409, meaning: '不能停用或撤销最后一位管理员' },
  SETTINGS_CHANGED: { status: 409, meaning: '设置已被其他管理员修改，请刷新后重试' },
  NO_TOKENS: { status: 404, meaning: '本系统当场返回案件编号，不签发 token' },
  INVALID_TRANSITION: { status: 409, meaning: '案件当前状态不允许此操作；details 给出状态' },
  STALE_VERSION: { status: 409, meaning: '案件已被他人更新，请刷新后重试' },
  CASE_CHANGED: { status: 409, meaning: '处理期间案件发生变化，请刷新后重试' },
  REQUEST_IN_PROGRESS: { status: 409, meaning: '相同 Idempotency-Key 的请求正在处理中' },
  MERGE_CYCLE: { status: 409, meaning: '并单会形成循环' },
  MERGE_TARGET_CLOSED: { status: 409, meaning: '只能并入尚未办结的案件' },
  MERGE_INTO_ITSELF: { status: 409, meaning: '案件不能并入自身' },
  ALREADY_SIGNED: { status: 409, meaning: '承办单位已签收' },
  NOT_ASSIGNED: { status: 409, meaning: '案件未转交本单位' },
  NOT_SIGNED: { status: 409, meaning: '承办单位尚未签收' },
  ATTACHMENT_UNKNOWN: { status: 409, meaning: '本案没有这个附件' },
  CASE_NOT_PUBLIC: { status: 409, meaning: '来信人未同意公开或要求保密，附件不能公开' },
  EXTENSION_ALREADY_USED: { status: 409, meaning: '本案已申请过延期' },
  NO_PENDING_EXTENSION: { status: 409, meaning: '没有待审批的延期申请' },
  NO_REPLY_TO_REVIEW: { status: 409, meaning: '没有待审核的答复' },
  RETURN_WINDOW_CLOSED: { status: 409, meaning: '已超过退单期限' },
  REOPENED_CASE_ACCEPTED: { status: 409, meaning: '重办案件已受理，不能不予受理或并单' },
  REOPEN_LIMIT_REACHED: { status: 409, meaning: '重办次数已达上限' },
  REOPEN_NOT_ALLOWED: { status: 409, meaning: '当前情况不允许重办' },
  PAYLOAD_TOO_LARGE: { status: 413, meaning: '请求内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, meaning: '请求内容类型必须是 application/json' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, meaning: '该 Idempotency-Key 已用于内容不同的请求' },
  RATE_LIMITED: { status: 429, meaning: '提交或尝试过于频繁；Retry-After 给出等待秒数' },
  INTERNAL_ERROR: { status: 500, meaning: '服务器内部错误（缺陷，应报告）' },
  AUDIT_UNAVAILABLE: { status: 503, meaning: '审计记录暂不可用，未返回联系方式；请稍后重试' },
  DAILY_CAPACITY_REACHED: { status: 503, meaning: '今日受理编号已用尽；请明日再试' },
  SERVICE_BUSY: {
    status: 503,
    meaning:
      '数据库或工作流暂时繁忙（限流、事务冲突、服务故障），重试已用尽，未写入任何内容；按 Retry-After 稍后重试',
  },
} as const satisfies Record<string, { readonly status: number; readonly meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes a status can carry, for the document's error responses. */
export function codesOfStatus(status: number): ErrorCode[] {
  return (Object.keys(ERROR_CODES) as ErrorCode[]).filter((code) => ERROR_CODES[code].status === status);
}
