import * as z from 'zod/mini';
import { FORWARDING_SOURCES, MAILBOXES, REQUEST_TYPES } from '../domain/case-kinds';
import { isIsoDate } from '../domain/china-time';
import { text } from '../domain/text-field';
import { citizenContactSchema, locationSchema } from './intake-schemas';
import './validation';

/**
 * POST /v1/letters/forwarded (dispatcher): a letter a higher office forwarded (转办件) — the
 * province's mailbox, the State Council's 互联网+督查 — entered with its source reference, to be
 * answered back by the date the forwarding office set.
 */
export const forwardedLetterSchema = z
  .strictObject({
    source: z.enum(FORWARDING_SOURCES, {
      error:
        '来源只能是 province-mailbox（省长信箱）、state-council-supervision（国务院互联网+督查）或 other',
    }),
    reference: text('来文编号', 64),
    forwardingOffice: text('转办机关', 100),
    receivedAt: z.iso
      .datetime({ offset: true, error: '收文时间须为带时区的 ISO 8601 时间，如 2026-12-01T09:30:00+08:00' })
      .check(z.refine((value) => Date.parse(value) <= Date.now() + 5 * 60_000, '收文时间不能晚于现在')),
    answerBackBy: z
      .optional(
        z
          .string({ error: '反馈期限须为日期（YYYY-MM-DD）' })
          .check(z.refine(isIsoDate, '反馈期限须为日期（YYYY-MM-DD）')),
      )
      .check(z.meta({ format: 'date', description: '上级要求的反馈期限（中国日期，当日 24 时前）' })),
    mailbox: z.enum(MAILBOXES, { error: '请选择有效的信箱' }),
    type: z.enum(REQUEST_TYPES, { error: '请选择有效的诉求类型' }),
    title: text('标题', 100),
    content: text('内容', 5000),
    citizen: z.optional(citizenContactSchema),
    confidential: z._default(z.boolean({ error: '是否保密必须是布尔值' }), false),
    location: z.optional(locationSchema),
  })
  .check(
    z.refine((letter) => !letter.answerBackBy || letter.answerBackBy >= letter.receivedAt.slice(0, 10), {
      message: '反馈期限不能早于收文日期',
      path: ['answerBackBy'],
    }),
  );
