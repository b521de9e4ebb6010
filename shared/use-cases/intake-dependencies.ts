import {
  caseStore,
  clock,
  contactVault,
  departmentDirectory,
  idempotency,
  keyRing,
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
    clock: clock(),
    calendar: workingCalendar,
    limits: timeLimits,
  };
}
