import type { LifecycleContext } from '../domain/lifecycle/lifecycle-context';
import type { OfficeRules } from '../domain/office-rules';
import type { CaseMetrics } from '../ports/case-metrics';
import type { CaseStore } from '../ports/case-store';
import type { Clock } from '../ports/clock';
import type { ContactVault } from '../ports/contact-vault';
import type { DepartmentDirectory } from '../ports/department-directory';
import type { Log } from '../ports/log';
import type { Notifier } from '../ports/notifier';

/** What every use case that moves a case needs. */
export interface LifecycleDependencies {
  readonly store: CaseStore;
  readonly notifier: Notifier;
  /** Opens the contact when a notice must be masked for its audience. */
  readonly vault: ContactVault;
  readonly departments: DepartmentDirectory;
  readonly clock: Clock;
  /** The time limits and calendar as the administrator has set them, read once per invocation. */
  readonly rules: () => Promise<OfficeRules>;
  readonly log: Log;
  /** Counts for operators (CloudWatch); none in tests that do not look at them. */
  readonly metrics?: CaseMetrics;
}

export async function lifecycleContext(
  deps: Pick<LifecycleDependencies, 'clock' | 'rules'>,
): Promise<LifecycleContext> {
  const { calendar, limits } = await deps.rules();
  return { now: deps.clock.now(), calendar, limits };
}
