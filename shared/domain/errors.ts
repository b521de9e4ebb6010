/**
 * Every failure a caller can cause is a CivicError: a stable English code for programs,
 * a Simplified Chinese message for people, and the HTTP status it maps to.
 */
export class CivicError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly unknown[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'CivicError';
  }
}

export const notFound = () => new CivicError(404, 'CASE_NOT_FOUND', '案件不存在或查询码错误');

export const forbidden = (message = '无权执行此操作') => new CivicError(403, 'FORBIDDEN', message);

export const staleVersion = () => new CivicError(409, 'STALE_VERSION', '案件已被他人更新，请刷新后重试');
