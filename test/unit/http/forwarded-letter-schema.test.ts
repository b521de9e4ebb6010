import { describe, expect, it } from 'vitest';
import { earliest } from '../../../shared/domain/intake';
import { forwardedLetterSchema } from '../../../shared/http/forwarded-letter-schema';
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
});
