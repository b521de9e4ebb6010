import type { LifecycleContext } from '../domain/lifecycle/lifecycle-context';
import type { TimeLimits } from '../domain/time-limits';
import type { WorkingCalendar } from '../domain/working-days';
import type { CaseStore } from '../ports/case-store';
import type { Clock } from '../ports/clock';
import type { ContactVault } from '../ports/contact-vault';
import type { DepartmentDirectory } from '../ports/department-directory';
import type { Log } from '../ports/log';
import type { Notifier } from '../ports/notifier';
import type { Workflow } from '../ports/workflow';

/** What every use case that moves a case needs. */
export interface LifecycleDependencies {
  readonly store: CaseStore;
  readonly workflow: Workflow;
  readonly notifier: Notifier;
  /** Opens the contact when a notice must be masked for its audience. */
  readonly vault: ContactVault;
  readonly departments: DepartmentDirectory;
  readonly clock: Clock;
  readonly calendar: () => WorkingCalendar;
  readonly limits: () => TimeLimits;
  readonly log: Log;
}

export function lifecycleContext(deps: LifecycleDependencies): LifecycleContext {
  return { now: deps.clock.now(), calendar: deps.calendar(), limits: deps.limits() };
}
