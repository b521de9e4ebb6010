import * as z from 'zod/mini';
import type { Role } from '../roles';
import type { CaseStatus } from '../statuses';
import type { TimeLimits } from '../time-limits';
import type { ActionDefinition } from './action-definition';
import { answer } from './actions/answer';
import { closeUnrated } from './actions/close-unrated';
import { decideExtension } from './actions/decide-extension';
import { flagOverdue } from './actions/flag-overdue';
import { merge } from './actions/merge';
import { publishAttachment } from './actions/publish-attachment';
import { rate } from './actions/rate';
import { reject } from './actions/reject';
import { reopen } from './actions/reopen';
import { reply } from './actions/reply';
import { requestExtension } from './actions/request-extension';
import { returnCase } from './actions/return';
import { review } from './actions/review';
import { sign } from './actions/sign';
import { supervise } from './actions/supervise';
import { transfer } from './actions/transfer';

/**
 * The lifecycle's actions (DOMAIN.md "Lifecycle"), one module each in actions/. Everything that
 * needs to know the actions reads this table: the lifecycle, the request schema of
 * POST /v1/cases/{caseId}/actions, the access matrix, the actions a case view offers. A new action
 * is a new file in actions/ and one line here.
 */
export const CASE_ACTIONS = [
  reject,
  answer,
  transfer,
  sign,
  returnCase,
  requestExtension,
  decideExtension,
  reply,
  review,
  supervise,
  rate,
  reopen,
  merge,
  publishAttachment,
] as const;

/** What the workflow itself does when a deadline passes. */
export const SYSTEM_ACTIONS = [flagOverdue, closeUnrated] as const;

type RequestOf<Definition> = Definition extends {
  schema: (limits: TimeLimits) => infer Shape extends z.ZodMiniType;
}
  ? z.infer<Shape>
  : never;

/** An action people take, as the API accepts it: derived from the schemas, never declared twice. */
export type CaseAction = RequestOf<(typeof CASE_ACTIONS)[number]>;
export type SystemAction = RequestOf<(typeof SYSTEM_ACTIONS)[number]>;
export type AnyAction = CaseAction | SystemAction;
export type ActionType = AnyAction['type'];

const DEFINITIONS = new Map<string, ActionDefinition>(
  [...CASE_ACTIONS, ...SYSTEM_ACTIONS].map((definition) => [definition.type, definition as ActionDefinition]),
);

/** The definition of an action type (every ActionType has one). */
export function actionDefinition(type: ActionType): ActionDefinition {
  return DEFINITIONS.get(type) as ActionDefinition;
}

/** Who may do what, and from which status. */
export interface ActionRule {
  readonly roles: readonly Role[];
  readonly from: readonly CaseStatus[];
}

export const ACTION_RULES = Object.fromEntries(
  [...DEFINITIONS].map(([type, definition]) => [type, { roles: definition.roles, from: definition.from }]),
) as Readonly<Record<ActionType, ActionRule>>;

export const ACTION_LABELS = Object.fromEntries(
  [...DEFINITIONS].map(([type, definition]) => [type, definition.label]),
) as Readonly<Record<ActionType, string>>;

/** The action types people take (not the workflow's own), in the order of the lifecycle table. */
export const CASE_ACTION_TYPES: readonly CaseAction['type'][] = CASE_ACTIONS.map(
  (definition) => definition.type,
);

/** POST /v1/cases/{caseId}/actions: one strict shape per action type, with the configured limits. */
export function caseActionSchema(limits: TimeLimits): z.ZodMiniType<CaseAction> {
  const [first, ...rest] = CASE_ACTIONS.map((definition) => definition.schema(limits));
  return z.discriminatedUnion('type', [first as never, ...(rest as never[])], { error: '未知的操作类型' });
}
