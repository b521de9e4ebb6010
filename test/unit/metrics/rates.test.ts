import { describe, expect, it } from 'vitest';
import { formatPercentage, percentage, ratesFrom, totalsFrom } from '../../../shared/domain/metrics/rates';
import { reportParagraph } from '../../../shared/domain/metrics/report-text';

describe('rates (DOMAIN.md "Metrics")', () => {
  it('round half up to two decimals, exactly', () => {
    expect(percentage(314, 318)).toBe(98.74);
    expect(percentage(1852, 1950)).toBe(94.97);
    expect(percentage(957, 1000)).toBe(95.7);
    expect(percentage(1, 8)).toBe(12.5);
    expect(percentage(1, 3)).toBe(33.33);
    expect(percentage(2, 3)).toBe(66.67);
    // 0.125 % is exactly half a hundredth: rounds up.
    expect(percentage(1, 800)).toBe(0.13);
    expect(percentage(0, 5)).toBe(0);
    expect(percentage(5, 5)).toBe(100);
  });

  it('are null, never 0 or 100, when there is nothing to count', () => {
    const rates = ratesFrom(totalsFrom({}));
    for (const value of Object.values(rates)) expect(value).toBeNull();
    expect(formatPercentage(null)).toBe('—');
  });

  it('follow the formulas: accepted excludes rejected and merged', () => {
    const totals = totalsFrom({
      received: 10,
      rejected: 1,
      merged: 1,
      replied: 6,
      transferred: 4,
      completed: 3,
      rated: 4,
      satisfied: 2,
      basicallySatisfied: 1,
      resolved: 3,
      transfers: 5,
      returns: 1,
      signedOnTime: 2,
      repliedTransferred: 3,
      repliedOnTime: 2,
      reopened: 1,
    });
    expect(totals.accepted).toBe(8);
    expect(ratesFrom(totals)).toEqual({
      replyRate: 75,
      completionRate: 75,
      onTimeRate: 66.67,
      satisfactionRate: 75,
      resolutionRate: 75,
      responseRate: 50,
      returnRate: 20,
      reopenRate: 16.67,
    });
  });

  it('print as the work reports do', () => {
    expect(formatPercentage(95.7)).toBe('95.7');
    expect(formatPercentage(98.74)).toBe('98.74');
    expect(formatPercentage(95)).toBe('95');
  });
});

describe('the report paragraph', () => {
  it('reads like the county work report for the hotline', () => {
    const totals = totalsFrom({
      received: 1282,
      directAnswers: 964,
      transferred: 318,
      completed: 314,
      rated: 1000,
      satisfied: 900,
      basicallySatisfied: 57,
      dissatisfied: 43,
    });
    expect(reportParagraph('hotline', '2026-01-01', '2026-11-21', totals, ratesFrom(totals))).toBe(
      '2026年1月1日至2026年11月21日，12345政府服务热线共接到有效来电1282件，其中直接答复964件，转办318件，办结314件，办结率98.74%，满意率95.7%。',
    );
  });

  it('reads like the city work report for the mayor’s mailbox, leaving out rates it cannot give', () => {
    const totals = totalsFrom({ received: 1950, replied: 1852 });
    expect(reportParagraph('letter', '2026-01-01', '2026-12-31', totals, ratesFrom(totals))).toBe(
      '2026年1月1日至2026年12月31日，领导信箱共受理市民信件1950件，已处理1852件，回复率94.97%。',
    );
  });
});
