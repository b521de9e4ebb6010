import { describe, expect, it } from 'vitest';
import { earliest } from '../../../shared/domain/intake';
import { withDue } from '../../../shared/domain/lifecycle/lifecycle-context';
import { forwardedLetterSchema } from '../../../shared/http/forwarded-letter-schema';
import { contextAt, newCase } from '../../support/domain-fixtures';
import { sampleBody } from '../../support/events';

describe('a forwarded letter as a dispatcher enters it', () => {
  const letter = sampleBody('submit-forwarded-letter');

  it('takes the sample, unpublished-by-default and without a writer if the office sent none', () => {
    const { citizen: _none, ...anonymous } = letter;
    expect(forwardedLetterSchema.parse(anonymous)).toMatchObject({
      source: 'province-mailbox',
      confidential: false,
    });
  });

  it('refuses a receipt in the future, a timestamp without an offset and an answer-back date before it', () => {
    const messages = (changes: Record<string, unknown>) =>
      (forwardedLetterSchema.safeParse({ ...letter, ...changes }).error?.issues ?? []).map((i) => i.message);
    expect(messages({ receivedAt: '2099-01-01T00:00:00+08:00' })).toContain('收文时间不能晚于现在');
    expect(messages({ receivedAt: '2026-11-20 09:30' })[0]).toMatch(/带时区的 ISO 8601/);
    expect(messages({ answerBackBy: '2026-11-19' })).toContain('反馈期限不能早于收文日期');
  });

  it('caps a deadline at the answer-back date, never extends it', () => {
    expect(earliest('2026-12-14T15:59:59.999Z', '2026-12-09T15:59:59.999Z')).toBe('2026-12-09T15:59:59.999Z');
    expect(earliest('2026-12-14T15:59:59.999Z', '2027-01-29T15:59:59.999Z')).toBe('2026-12-14T15:59:59.999Z');
    expect(earliest('2026-12-14T15:59:59.999Z', undefined)).toBe('2026-12-14T15:59:59.999Z');
  });

  it('answers back before the reply only: a reopened case’s new round and the follow-up are not capped', () => {
    const forwarded = {
      ...newCase({ at: '2026-12-07T10:00:00+08:00' }),
      forwarded: {
        source: 'province-mailbox' as const,
        reference: '省长信箱〔2026〕第1187号',
        forwardingOffice: '省人民政府办公厅',
        receivedAt: '2026-12-04T01:30:00.000Z',
        answerBackBy: '2026-12-09T15:59:59.999Z',
      },
    };
    const ctx = contextAt('2026-12-07T10:00:00+08:00');
    expect(withDue(ctx, forwarded, 'handleBy', 5).handleBy).toBe('2026-12-09T15:59:59.999Z');
    expect(withDue(ctx, forwarded, 'followUpBy', 3).followUpBy).toBe('2026-12-10T15:59:59.999Z');
    const replied = {
      ...forwarded,
      reply: {
        content: '已答复',
        source: 'department' as const,
        by: 'housing1',
        writtenAt: '2026-12-08T02:00:00.000Z',
      },
    };
    expect(withDue(ctx, replied, 'handleBy', 5).handleBy).toBe('2026-12-14T15:59:59.999Z');
  });
});
