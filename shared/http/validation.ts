import type { ZodMiniType as ZodType } from 'zod/mini';
import * as z from 'zod/mini';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { CivicError } from '../domain/errors';

// Every message zod writes by itself is in Simplified Chinese; fields with a rule people need
// explained carry their own message in the schema.
z.config(zhCN());

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** Parses untrusted input or throws a 400 VALIDATION_FAILED naming every field that is wrong. */
export function parseInput<T>(schema: ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details: FieldProblem[] = result.error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    // Unknown fields are refused one by one, so a client sees which field it may not send
    // (status, version, departmentId… are never set by the caller).
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...path, key].join('.'), message: '不允许提交此字段' }));
    }
    return [{ field: path.join('.') || '(body)', message: issue.message }];
  });
  throw new CivicError(400, 'VALIDATION_FAILED', '提交的内容有误，请检查后重试', details);
}
