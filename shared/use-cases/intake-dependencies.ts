import {
  abuseLimits,
  caseStore,
  clock,
  contactVault,
  departmentDirectory,
  idempotency,
  keyRing,
  rateLimiter,
  timeLimits,
  workflow,
  workingCalendar,
} from '../runtime/dependencies';
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
