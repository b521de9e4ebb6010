import { describe, expect, it } from 'vitest';
import { runSoak } from '../support/soak';

/** The soak of `npm run soak`, small: every kind of lifecycle twice, faults on, two SIGKILLs. */
describe('whole lifecycles with faults injected and the server killed twice', () => {
  it('lose and duplicate nothing: cases, actions, workflow steps, notices, statistics; no 5xx but 503', async () => {
    const figures = await runSoak({
      cases: 16,
      clients: 4,
      kills: 2,
      faults: 'dynamodb:throttle=0.1,dynamodb:conflict=0.05,sfn:unavailable=0.1',
      lostAnswers: 0.2,
    });
    expect(figures.unexpected).toEqual([]);
    expect(figures).toMatchObject({
      cases: 16,
      lostCases: 0,
      duplicateCases: 0,
      lostActions: 0,
      repeatedActions: 0,
      workflowsAtWrongStep: 0,
      missingNotices: 0,
      undeliveredNotices: 0,
      statisticsDifferences: 0,
      kills: 2,
    });
    expect(figures.openCases).toBe(2);
    expect(figures.askedAgain).toBeGreaterThan(0);
    expect(Object.values(figures.injectedFaults).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, 600_000);
});
