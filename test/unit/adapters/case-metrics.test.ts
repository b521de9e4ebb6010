import { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { powertoolsMetrics } from '../../../shared/adapters/powertools-metrics';
import type { CaseMetrics } from '../../../shared/ports/case-metrics';
import { deliverNotification } from '../../../shared/use-cases/deliver-notification';

/** Counts for operators as CloudWatch embedded metrics (issue 15: the China regions have no X-Ray). */
afterEach(() => {
  vi.restoreAllMocks();
});

function emitted(work: (metrics: CaseMetrics) => void): Record<string, unknown>[] {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  work(powertoolsMetrics(new Metrics({ namespace: 'CivicLine', serviceName: 'civicline' })));
  vi.restoreAllMocks();
  return lines.filter((line) => line.includes('_aws')).map((line) => JSON.parse(line));
}

describe('case metrics', () => {
  it('publishes each count at once, in embedded metric format, with its dimension and nothing personal', () => {
    const [received, card] = emitted((metrics) => {
      metrics.caseReceived('letter', 'miniprogram');
      metrics.overdueCardShown('red');
    });
    expect(received).toMatchObject({
      CasesReceived: 1,
      kind: 'letter',
      channel: 'miniprogram',
      service: 'civicline',
      _aws: {
        CloudWatchMetrics: [{ Namespace: 'CivicLine', Metrics: [{ Name: 'CasesReceived', Unit: 'Count' }] }],
      },
    });
    expect(card).toMatchObject({ OverdueCards: 1, card: 'red' });
  });

  it('counts a notice that failed to go, and still lets the stream retry it', async () => {
    const failed: string[] = [];
    const metrics: CaseMetrics = {
      caseReceived: () => {},
      actionTaken: () => {},
      overdueCardShown: () => {},
      notificationFailed: (kind) => failed.push(kind),
    };
    const marked: string[] = [];
    // Failure injection: the SMS channel is down.
    const attempt = deliverNotification(
      {
        outbox: { isDelivered: async () => false, markDelivered: async (id) => void marked.push(id) },
        sender: { send: async () => Promise.reject(new Error('SMS provider throttled')) },
        clock: { now: () => new Date(), timerSecondsUntil: () => 0 },
        metrics,
      },
      {
        notificationId: 'XJ1:v2:reply_ready:0',
        kind: 'reply_ready',
        audience: { citizen: true },
        message: '您的来信已答复',
        caseId: 'XJ1',
        createdAt: '2026-12-05T00:00:00.000Z',
      } as never,
    );
    await expect(attempt).rejects.toThrow('SMS provider throttled');
    expect(failed).toEqual(['reply_ready']);
    expect(marked).toEqual([]);
  });
});
