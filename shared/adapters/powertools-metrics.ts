import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { CaseMetrics } from '../ports/case-metrics';

/**
 * CaseMetrics as CloudWatch embedded-metric-format lines on stdout (Powertools Metrics): no API
 * call, no permission, available in every partition. Each count is published at once with its
 * own dimension, so a function that fails later has still counted what it did.
 */
export function powertoolsMetrics(
  metrics = new Metrics({ namespace: 'CivicLine', serviceName: 'civicline' }),
): CaseMetrics {
  const count = (name: string, dimension: Record<string, string>) => {
    try {
      const single = metrics.singleMetric();
      for (const [key, value] of Object.entries(dimension)) single.addDimension(key, value);
      single.addMetric(name, MetricUnit.Count, 1);
    } catch {
      // A metric is never worth a request.
    }
  };
  return {
    caseReceived: (kind, channel) => count('CasesReceived', { kind, channel }),
    actionTaken: (action) => count('ActionsTaken', { action }),
    overdueCardShown: (card) => count('OverdueCards', { card }),
    notificationFailed: (kind) => count('NotificationsFailed', { kind }),
  };
}
