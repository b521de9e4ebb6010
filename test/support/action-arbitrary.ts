import fc from 'fast-check';
import type { Case } from '../../shared/domain/case';
import type { CaseAction } from '../../shared/domain/lifecycle/action-table';
import { ACTION_RULES } from '../../shared/domain/lifecycle/action-table';
import { canSeeCase } from '../../shared/domain/lifecycle/case-access';
import type { Actor } from '../../shared/domain/roles';
import { citizen, dispatcher, housing, leader, operator, reviewer, transport } from './domain-fixtures';

export const ACTORS: readonly Actor[] = [dispatcher, operator, reviewer, leader, housing, transport, citizen];

/** Raw randomness for one step; `actionFor` turns it into an action once the case is known. */
export interface StepSeed {
  readonly plausible: boolean;
  readonly pick: number;
  readonly departmentIndex: number;
  readonly workingDays: number;
  readonly approve: boolean;
  readonly resolved: boolean;
  readonly satisfactionIndex: number;
  readonly hoursLater: number;
}

export const stepSeed: fc.Arbitrary<StepSeed> = fc.record({
  // Mostly an action the case's status, the actor's role and the case's ownership allow, so sequences get deep
  // (transfer, reply, review, rating, reopen …); sometimes anything at all, to probe refusals.
  plausible: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  pick: fc.nat(),
  departmentIndex: fc.nat(1),
  workingDays: fc.integer({ min: 0, max: 12 }),
  approve: fc.boolean(),
  resolved: fc.boolean(),
  satisfactionIndex: fc.nat(2),
  hoursLater: fc.integer({ min: 0, max: 60 }),
});

const SATISFACTION = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;

function candidateActions(seed: StepSeed): CaseAction[] {
  return [
    { type: 'reject', reason: '不属于受理范围' },
    { type: 'answer', answer: '已电话解答' },
    {
      type: 'transfer',
      departmentId: seed.departmentIndex ? 'dept-transport' : 'dept-housing',
      instructions: '请处理',
    },
    { type: 'sign' },
    { type: 'return', reason: '非本单位职责' },
    { type: 'request_extension', workingDays: seed.workingDays, reason: '需勘查' },
    { type: 'decide_extension', approve: seed.approve },
    { type: 'reply', content: '已处理完毕' },
    { type: 'review', approve: seed.approve },
    { type: 'supervise', note: '请加快' },
    {
      type: 'rate',
      resolved: seed.resolved,
      satisfaction: SATISFACTION[seed.satisfactionIndex] ?? 'satisfied',
    },
    { type: 'reopen', reason: '不满意' },
    { type: 'merge', intoCaseId: 'XJ20261102000099' },
  ];
}

/** The actor and action of a step, given the case as it is now. */
export function actionFor(c: Case, seed: StepSeed): { actor: Actor; action: CaseAction } {
  const all = candidateActions(seed).flatMap((action) => ACTORS.map((actor) => ({ actor, action })));
  const plausible = all.filter(({ actor, action }) => {
    const rule = ACTION_RULES[action.type];
    const roles = actor.kind === 'staff' ? actor.roles : [actor.kind];
    const visible = actor.kind !== 'staff' || canSeeCase(actor, c);
    return visible && rule.from.includes(c.status) && roles.some((role) => rule.roles.includes(role));
  });
  const pool = seed.plausible && plausible.length > 0 ? plausible : all;
  return pool[seed.pick % pool.length] as { actor: Actor; action: CaseAction };
}
