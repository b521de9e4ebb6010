import { dynamoOutboxNotifier } from '../adapters/dynamo-outbox-notifier';
import { powertoolsIdempotency } from '../adapters/powertools-idempotency';
import { sfnWorkflow } from '../adapters/sfn-workflow';
import type { Idempotency } from '../ports/idempotency';
import type { Notifier } from '../ports/notifier';
import type { Workflow } from '../ports/workflow';
import type { LifecycleDependencies } from '../use-cases/lifecycle-dependencies';
import type { Open311IntakeDependencies } from '../use-cases/open311-requests';
import type { CaseActionDependencies } from '../use-cases/perform-case-action';
import type { CitizenRatingDependencies } from '../use-cases/rate-case-as-citizen';
import type { SweepDependencies } from '../use-cases/resume-stalled-cases';
import type { IntakeDependencies } from '../use-cases/submit-case';
import { type AwaitingDependencies, stepPlanner } from '../use-cases/workflow-steps';
import { documentClient, dynamoClient } from './clients';
import {
  abuseLimits,
  attachmentFiles,
  caseMetrics,
  caseReadDependencies,
  caseStore,
  clientKeys,
  clock,
  contactVault,
  currentRules,
  departmentDirectory,
  keyRing,
  once,
  rateLimiter,
} from './dependencies';
import { SETTING_ENV, tableName } from './environment';
import { logger } from './logger';
import { sfnClient } from './sfn-client';

/**
 * The composition root, write side: what only functions that change cases need (the workflow,
 * notifications, idempotent writes), kept apart so read-only functions never load it, and the
 * factories of the use cases that change cases.
 */
export const idempotency = /* @__PURE__ */ once<Idempotency>(() =>
  powertoolsIdempotency({
    client: dynamoClient(),
    documents: documentClient(),
    table: tableName('idempotency'),
  }),
);

export const workflow = /* @__PURE__ */ once<Workflow>(() =>
  sfnWorkflow(
    sfnClient(),
    documentClient(),
    {
      stateMachineArn: process.env[SETTING_ENV.stateMachineArn],
      tasksTable: tableName('workflowTasks'),
    },
    logger,
    stepPlanner({ clock: clock(), rules: currentRules }),
  ),
);

export const notifier = /* @__PURE__ */ once<Notifier>(() =>
  dynamoOutboxNotifier(documentClient(), tableName('notifications')),
);

/**
 * Built as each is first used: a workflow step needs only some of them (awaiting a step reads the
 * case and records a token; it has no outbox table), and on Lambda an adapter built at init for a
 * table the function was not granted would fail the function before it ever ran.
 */
export function lifecycleDependencies(): LifecycleDependencies {
  return {
    get store() {
      return caseStore();
    },
    get notifier() {
      return notifier();
    },
    get vault() {
      return contactVault();
    },
    get departments() {
      return departmentDirectory();
    },
    get clock() {
      return clock();
    },
    rules: currentRules,
    log: logger,
    get metrics() {
      return caseMetrics();
    },
  };
}

export const caseActionDependencies = (): CaseActionDependencies => ({
  ...lifecycleDependencies(),
  idempotency: idempotency(),
  files: attachmentFiles(),
});

export const citizenRatingDependencies = (): CitizenRatingDependencies => ({
  ...lifecycleDependencies(),
  ...caseReadDependencies(),
  idempotency: idempotency(),
});

export const intakeDependencies = (): IntakeDependencies => ({
  ...lifecycleDependencies(),
  keys: keyRing(),
  idempotency: idempotency(),
  limiter: rateLimiter(),
  abuseLimits: abuseLimits(),
  files: attachmentFiles(),
});

export const open311IntakeDependencies = (): Open311IntakeDependencies => ({
  ...intakeDependencies(),
  clientKeys: clientKeys(),
});

export const awaitingDependencies = (): AwaitingDependencies => ({
  get store() {
    return caseStore();
  },
  get workflow() {
    return workflow();
  },
});

export const sweepDependencies = (): SweepDependencies => ({
  store: caseStore(),
  workflow: workflow(),
  clock: clock(),
  log: logger,
});
