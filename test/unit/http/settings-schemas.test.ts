import { describe, expect, it } from 'vitest';
import { officeRules } from '../../../shared/domain/office-rules';
import { DEFAULT_TIME_LIMITS } from '../../../shared/domain/time-limits';
import { timeLimitsSchema, yearScheduleSchema } from '../../../shared/http/settings-schemas';

const messages = (result: { error?: { issues: { message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => issue.message);

describe('time limits as an administrator enters them', () => {
  it('takes DOMAIN.md’s defaults as they are', () => {
    expect(timeLimitsSchema.parse(DEFAULT_TIME_LIMITS)).toEqual(DEFAULT_TIME_LIMITS);
  });

  it('refuses zero, fractions, more than 60 working days and a missing request type, in Chinese', () => {
    const { complain: _left, ...handling } = DEFAULT_TIME_LIMITS.handling;
    const result = timeLimitsSchema.safeParse({
      ...DEFAULT_TIME_LIMITS,
      triage: 0,
      review: 1.5,
      maxExtension: 61,
      maxReopens: -1,
      handling,
    });
    expect(messages(result)).toEqual(
      expect.arrayContaining([
        '分拣（转办）时限至少 1 个工作日',
        '审核时限必须是 1–60 之间的整数（工作日）',
        '延期上限不能超过 60 个工作日',
        '重办次数上限不能为负数',
        '投诉类办理时限必须是 1–60 之间的整数（工作日）',
      ]),
    );
  });

  it('allows no reopening at all (0) and refuses fields it does not know', () => {
    expect(timeLimitsSchema.parse({ ...DEFAULT_TIME_LIMITS, maxReopens: 0 }).maxReopens).toBe(0);
    expect(timeLimitsSchema.safeParse({ ...DEFAULT_TIME_LIMITS, holidays: [] }).success).toBe(false);
  });
});

describe('a year’s schedule as an administrator publishes it', () => {
  const schedule = yearScheduleSchema(2027);

  it('takes holidays and weekend make-up workdays of that year', () => {
    const ok = { holidays: ['2027-01-01', '2027-02-06'], workdays: ['2027-02-20'] };
    expect(schedule.parse(ok)).toEqual(ok);
  });

  it('names each bad date: not a date, another year, twice, a weekday make-up day, both lists', () => {
    const result = schedule.safeParse({
      holidays: ['2027-02-30', '2026-12-31', '2027-01-01', '2027-01-01', '2027-02-06'],
      workdays: ['2027-02-10', '2027-02-06'],
    });
    expect(messages(result)).toEqual([
      '2027-02-30：不是有效日期（YYYY-MM-DD）',
      '2026-12-31：不在 2027 年内',
      '2027-01-01：重复',
      '2027-02-10：调休上班日必须是周六或周日',
      '2027-02-06：同一天不能既是节假日又是调休上班日',
    ]);
  });
});

describe('the rules deadlines are computed by', () => {
  it('are the defaults and the statutory data until the administrator sets them', async () => {
    const rules = await officeRules({ years: [] });
    expect(rules.limits).toBe(DEFAULT_TIME_LIMITS);
    expect(rules.calendar.isKnown('2027-01-01')).toBe(false);
  });

  it('follow a published year and changed limits', async () => {
    const limits = { ...DEFAULT_TIME_LIMITS, triage: 2 };
    const rules = await officeRules({
      limits,
      years: [{ year: 2027, holidays: ['2027-01-04'], workdays: [] }],
    });
    expect(rules.limits).toBe(limits);
    expect(rules.calendar.isWorkingDay('2027-01-04')).toBe(false);
    expect(rules.calendar.isKnown('2027-06-01')).toBe(true);
  });
});
