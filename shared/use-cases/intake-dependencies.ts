import {
  abuseLimits,
  caseStore,
  clock,
  contactVault,
  departmentDirectory,
  keyRing,
  rateLimiter,
  timeLimits,
  workingCalendar,
} from '../runtime/dependencies';
import { idempotency, workflow } from '../runtime/write-dependencies';
import type { IntakeDependencies } from './submit-case';

export function intakeDependencies(): IntakeDependencies {
  return {
    store: caseStore(),
    vault: contactVault(),
    keys: keyRing(),
    departments: departmentDirectory(),
    idempotency: idempotency(),
    workflow: workflow(),
    limiter: rateLimiter(),
    abuseLimits: abuseLimits(),
    clock: clock(),
    calendar: workingCalendar,
    limits: timeLimits,
  };
}
