import * as z from 'zod/mini';
import type { Case } from '../case';
import type { Role } from '../roles';
import type { CaseStatus } from '../statuses';
import type { TimeLimits } from '../time-limits';
import type { Effect, EffectContext } from './lifecycle-context';

/** The request of an action: its `type` and its own fields. */
export type ActionShape<Type extends string, Fields extends z.core.$ZodShape> = z.ZodMiniObject<
  { type: z.ZodMiniLiteral<Type> } & Fields,
  z.core.$strict
>;

/**
 * Everything about one lifecycle action, in its own module (actions/*.ts): its Chinese label, who
 * may take it from which status (DOMAIN.md "Lifecycle"), the fields of its request — built from
 * the configured limits, so a limit the action checks is the same in the request schema and in
 * the rule — and its effect on a case, given that role and status already allow it.
 */
export interface ActionDefinition<
  Type extends string = string,
  Fields extends z.core.$ZodShape = z.core.$ZodShape,
> {
  readonly type: Type;
  readonly label: string;
  readonly roles: readonly Role[];
  readonly from: readonly CaseStatus[];
  readonly schema: (limits: TimeLimits) => ActionShape<Type, Fields>;
  readonly effect: (c: Case, action: z.infer<ActionShape<Type, Fields>>, ctx: EffectContext) => Effect;
  /** Whether a case view offers it at all (a button with nothing to act on is left out). */
  readonly offeredFor?: (c: Case) => boolean;
}

/** Declares an action; the types of its request and of its effect's argument follow from its fields. */
export function defineAction<Type extends string, Fields extends z.core.$ZodShape>(
  type: Type,
  label: string,
  roles: readonly Role[],
  from: readonly CaseStatus[],
  behaviour: {
    readonly fields: (limits: TimeLimits) => Fields;
    readonly effect: ActionDefinition<Type, Fields>['effect'];
    readonly offeredFor?: (c: Case) => boolean;
  },
): ActionDefinition<Type, Fields> {
  return {
    type,
    label,
    roles,
    from,
    // The title carries the Chinese label into the OpenAPI document: a console names its button by it.
    schema: (limits) =>
      z.strictObject({ type: z.literal(type), ...behaviour.fields(limits) }).check(z.meta({ title: label })),
    effect: behaviour.effect,
    ...(behaviour.offeredFor ? { offeredFor: behaviour.offeredFor } : {}),
  };
}
