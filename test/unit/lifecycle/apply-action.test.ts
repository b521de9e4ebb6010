import { describe, expect, it } from 'vitest';
import type { Case } from '../../../shared/domain/case';
import { chinaDate } from '../../../shared/domain/china-time';
import type { AnyAction } from '../../../shared/domain/lifecycle/action-table';
import { applyAction } from '../../../shared/domain/lifecycle/apply-action';
import { dueEscalation, nextEscalation, planKey } from '../../../shared/domain/lifecycle/workflow-plan';
import type { Actor } from '../../../shared/domain/roles';
import { DEFAULT_TIME_LIMITS } from '../../../shared/domain/time-limits';
import {
  calendar,
  citizen,
  contextAt,
  dispatcher,
  housing,
  leader,
  newCase,
  operator,
  reviewer,
  system,
  transport,
} from '../../support/domain-fixtures';

/** Applies actions in order, each a day later by default, and returns the final case. */
function run(c: Case, steps: [Actor, AnyAction, string?][]): Case {
  let current = c;
  let day = 2;
  for (const [actor, action, at] of steps) {
    day += 1;
    current = applyAction(
      current,
      action,
      actor,
      contextAt(at ?? `2026-11-${String(day).padStart(2, '0')}T10:00:00+08:00`),
    ).after;
  }
  return current;
}

const transferToHousing: [Actor, AnyAction] = [
  dispatcher,
  { type: 'transfer', departmentId: 'dept-housing', instructions: '请核实处理' },
];

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('the lifecycle of a letter', () => {
  it('goes transfer → sign → reply → approve → rating → closed, one timeline entry per step', () => {
    const closed = run(newCase(), [
      transferToHousing,
      [housing, { type: 'sign' }],
      [housing, { type: 'reply', content: '已责令工地夜间停工。' }],
      [reviewer, { type: 'review', approve: true }],
      [citizen, { type: 'rate', resolved: true, satisfaction: 'satisfied' }],
    ]);
    expect(closed.status).toBe('closed');
    expect(closed.version).toBe(6);
    expect(closed.timeline.map((e) => [e.action, e.status, e.actor])).toEqual([
      ['submit', 'submitted', 'citizen'],
      ['transfer', 'handling', 'dispatcher1'],
      ['sign', 'handling', 'housing1'],
      ['reply', 'reviewing', 'housing1'],
      ['review', 'replied', 'reviewer1'],
      ['rate', 'closed', 'citizen'],
    ]);
    expect(closed.reply).toMatchObject({
      content: '已责令工地夜间停工。',
      source: 'department',
      departmentId: 'dept-housing',
    });
    expect(closed.firstReplySource).toBe('department');
    expect(closed.firstReplyOnTime).toBe(true);
    expect(closed.rating).toMatchObject({ satisfaction: 'satisfied', by: 'citizen' });
  });

  it('sets the handling deadline by request type in working days from the transfer', () => {
    // Transfer on Friday 6 Nov: a complaint has 5 working days (13 Nov), a consultation 3 (11 Nov).
    const complaint = run(newCase(), [[...transferToHousing, '2026-11-06T10:00:00+08:00']]);
    expect(chinaDate(new Date(complaint.deadlines.handleBy ?? ''))).toBe('2026-11-13');
    const consult = run(newCase({ type: 'consult' }), [[...transferToHousing, '2026-11-06T10:00:00+08:00']]);
    expect(chinaDate(new Date(consult.deadlines.handleBy ?? ''))).toBe('2026-11-11');
  });

  it('lets the citizen see a reply only after review', () => {
    const reviewing = run(newCase(), [
      transferToHousing,
      [housing, { type: 'sign' }],
      [housing, { type: 'reply', content: '草稿' }],
    ]);
    expect(reviewing.reply).toBeUndefined();
    expect(reviewing.draftReply?.content).toBe('草稿');
    const sentBack = run(reviewing, [
      [reviewer, { type: 'review', approve: false, comment: '请补充处理结果' }],
    ]);
    expect(sentBack.status).toBe('handling');
    expect(sentBack.reply).toBeUndefined();
    expect(sentBack.draftReply).toBeUndefined();
    expect(sentBack.timeline.some((e) => e.note === '草稿')).toBe(true);
  });

  it('answers directly at triage and closes on the operator’s follow-up call', () => {
    const closed = run(newCase({ kind: 'hotline' }), [
      [operator, { type: 'answer', answer: '可携带身份证到社区服务中心办理。' }],
      [operator, { type: 'rate', resolved: true, satisfaction: 'basically_satisfied' }],
    ]);
    expect(closed.firstReplySource).toBe('answer');
    expect(closed.rating?.by).toBe('operator');
    expect(closed.status).toBe('closed');
  });

  it('returns to triage within two working days of the transfer, not later', () => {
    const handling = run(newCase(), [[...transferToHousing, '2026-11-06T10:00:00+08:00']]);
    const returned = applyAction(
      handling,
      { type: 'return', reason: '不属于本单位职责' },
      housing,
      contextAt('2026-11-10T17:00:00+08:00'),
    ).after;
    expect(returned.status).toBe('submitted');
    expect(returned.returnCount).toBe(1);
    expect(returned.assignments[0]?.returnedAt).toBeDefined();
    expect(
      codeOf(() =>
        applyAction(
          handling,
          { type: 'return', reason: '晚了' },
          housing,
          contextAt('2026-11-11T09:00:00+08:00'),
        ),
      ),
    ).toBe('RETURN_WINDOW_CLOSED');
    // Returned and re-transferred: the new department owns it, the old one no longer sees it.
    const retransferred = run(returned, [
      [dispatcher, { type: 'transfer', departmentId: 'dept-transport', instructions: '改派' }],
    ]);
    expect(codeOf(() => run(retransferred, [[housing, { type: 'sign' }]]))).toBe('CASE_NOT_FOUND');
    expect(run(retransferred, [[transport, { type: 'sign' }]]).assignments[1]?.signedAt).toBeDefined();
  });

  it('moves the deadline once when an extension is approved, not when refused, and allows one request', () => {
    const handling = run(newCase(), [
      [...transferToHousing, '2026-11-06T10:00:00+08:00'],
      [housing, { type: 'sign' }, '2026-11-06T11:00:00+08:00'],
    ]);
    const requested = run(handling, [
      [
        housing,
        { type: 'request_extension', workingDays: 5, reason: '需现场勘查' },
        '2026-11-09T10:00:00+08:00',
      ],
    ]);
    expect(
      codeOf(() =>
        run(requested, [[housing, { type: 'request_extension', workingDays: 2, reason: '再延' }]]),
      ),
    ).toBe('EXTENSION_ALREADY_USED');
    const approved = run(requested, [
      [dispatcher, { type: 'decide_extension', approve: true }, '2026-11-09T11:00:00+08:00'],
    ]);
    expect(chinaDate(new Date(approved.deadlines.handleBy ?? ''))).toBe('2026-11-20');
    expect(codeOf(() => run(approved, [[dispatcher, { type: 'decide_extension', approve: true }]]))).toBe(
      'NO_PENDING_EXTENSION',
    );
    const refused = run(requested, [
      [
        dispatcher,
        { type: 'decide_extension', approve: false, comment: '请按期办结' },
        '2026-11-09T11:00:00+08:00',
      ],
    ]);
    expect(refused.deadlines.handleBy).toBe(handling.deadlines.handleBy);
    expect(refused.extension?.decision).toBe('refused');
  });

  it('grants one extension per case: not a second one after a return and a new transfer', () => {
    /** Housing asks for an extension, `decision` happens to it, housing returns, transport signs. */
    const retransferredAfter = (decision: [Actor, AnyAction, string?][]) =>
      run(newCase(), [
        [...transferToHousing, '2026-11-06T10:00:00+08:00'],
        [housing, { type: 'sign' }, '2026-11-06T11:00:00+08:00'],
        [
          housing,
          { type: 'request_extension', workingDays: 5, reason: '需现场勘查' },
          '2026-11-06T12:00:00+08:00',
        ],
        ...decision,
        [housing, { type: 'return', reason: '不属本单位职责' }, '2026-11-06T14:00:00+08:00'],
        [
          dispatcher,
          { type: 'transfer', departmentId: 'dept-transport', instructions: '改派' },
          '2026-11-06T15:00:00+08:00',
        ],
        [transport, { type: 'sign' }, '2026-11-06T16:00:00+08:00'],
      ]);
    const askAgain = (c: Case) =>
      run(c, [[transport, { type: 'request_extension', workingDays: 3, reason: '再延' }]]);
    const extended = retransferredAfter([
      [dispatcher, { type: 'decide_extension', approve: true }, '2026-11-06T13:00:00+08:00'],
    ]);
    expect(codeOf(() => askAgain(extended))).toBe('EXTENSION_ALREADY_USED');
    // A request that was only pending ends with its assignment: the next department may ask.
    expect(askAgain(retransferredAfter([])).extension?.requestedBy).toBe('transport1');
  });

  it('reopens a dissatisfied case to the same department, at most twice', () => {
    const dissatisfied = (c: Case) =>
      run(c, [
        [housing, { type: 'reply', content: '已处理' }],
        [reviewer, { type: 'review', approve: true }],
        [citizen, { type: 'rate', resolved: false, satisfaction: 'dissatisfied' }],
      ]);
    let c = dissatisfied(run(newCase(), [transferToHousing, [housing, { type: 'sign' }]]));
    for (let round = 1; round <= 2; round += 1) {
      c = run(c, [[leader, { type: 'reopen', reason: '群众不满意' }]]);
      expect(c.status).toBe('handling');
      expect(c.reopenCount).toBe(round);
      expect(c.rating?.satisfaction).toBe('dissatisfied');
      c = dissatisfied(c);
    }
    expect(codeOf(() => run(c, [[leader, { type: 'reopen', reason: '第三次' }]]))).toBe(
      'REOPEN_LIMIT_REACHED',
    );
  });

  it('reopens a directly answered case to triage, and never a satisfied one', () => {
    const answered = run(newCase(), [
      [operator, { type: 'answer', answer: '答复' }],
      [citizen, { type: 'rate', resolved: false, satisfaction: 'dissatisfied' }],
    ]);
    expect(run(answered, [[dispatcher, { type: 'reopen', reason: '未解决' }]]).status).toBe('submitted');
    const satisfied = run(newCase(), [
      [operator, { type: 'answer', answer: '答复' }],
      [citizen, { type: 'rate', resolved: true, satisfaction: 'satisfied' }],
    ]);
    expect(codeOf(() => run(satisfied, [[dispatcher, { type: 'reopen', reason: '?' }]]))).toBe(
      'REOPEN_NOT_ALLOWED',
    );
  });

  it('merges a duplicate into its primary case', () => {
    const merged = run(newCase(), [[dispatcher, { type: 'merge', intoCaseId: 'XJ20261102000002' }]]);
    expect(merged).toMatchObject({ status: 'merged', mergedInto: 'XJ20261102000002' });
    expect(
      codeOf(() => run(newCase(), [[dispatcher, { type: 'merge', intoCaseId: 'XJ20261102000001' }]])),
    ).toBe('MERGE_INTO_ITSELF');
  });
});

describe('rules', () => {
  it('refuses an action from the wrong status with 409 INVALID_TRANSITION naming the status in Chinese', () => {
    // The department does not see an untransferred case at all.
    expect(codeOf(() => run(newCase(), [[housing, { type: 'sign' }]]))).toBe('CASE_NOT_FOUND');
    const closed = run(newCase(), [
      [operator, { type: 'answer', answer: '答复' }],
      [operator, { type: 'rate', resolved: true, satisfaction: 'satisfied' }],
    ]);
    try {
      run(closed, [transferToHousing]);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ status: 409, code: 'INVALID_TRANSITION' });
      expect((error as Error).message).toContain('已办结');
      expect((error as Error).message).toContain('转办');
    }
  });

  it('refuses an action to a role that may not do it with 403', () => {
    expect(
      codeOf(() =>
        run(newCase(), [[operator, { type: 'transfer', departmentId: 'dept-housing', instructions: '' }]]),
      ),
    ).toBe('FORBIDDEN');
    expect(codeOf(() => run(newCase(), [[citizen, { type: 'reject', reason: '' }]]))).toBe('FORBIDDEN');
    const handling = run(newCase(), [transferToHousing]);
    expect(codeOf(() => run(handling, [[dispatcher, { type: 'sign' }]]))).toBe('FORBIDDEN');
  });

  it('requires signing before replying', () => {
    expect(
      codeOf(() => run(newCase(), [transferToHousing, [housing, { type: 'reply', content: '答复' }]])),
    ).toBe('NOT_SIGNED');
  });
});

describe('deadlines and escalation', () => {
  it('gives a yellow card at the deadline and a red card five working days later', () => {
    const handling = run(newCase(), [[...transferToHousing, '2026-11-06T10:00:00+08:00']]);
    const first = nextEscalation(handling, calendar, DEFAULT_TIME_LIMITS);
    expect(first).toMatchObject({ card: 'yellow' });
    expect(chinaDate(first?.at ?? new Date())).toBe('2026-11-13');
    const yellow = applyAction(
      handling,
      { type: 'flag_overdue', card: 'yellow' },
      system,
      contextAt('2026-11-14T00:00:00+08:00'),
    ).after;
    const second = nextEscalation(yellow, calendar, DEFAULT_TIME_LIMITS);
    expect(second).toMatchObject({ card: 'red' });
    expect(chinaDate(second?.at ?? new Date())).toBe('2026-11-20');
    const red = applyAction(
      yellow,
      { type: 'flag_overdue', card: 'red' },
      system,
      contextAt('2026-11-21T00:00:00+08:00'),
    ).after;
    expect(nextEscalation(red, calendar, DEFAULT_TIME_LIMITS)).toBeUndefined();
    expect(red.overdue?.card).toBe('red');
    expect(red.supervisionCount).toBe(2);
  });

  it('closes unrated when the follow-up window ends', () => {
    const replied = run(newCase(), [
      [operator, { type: 'answer', answer: '答复' }, '2026-11-06T10:00:00+08:00'],
    ]);
    const escalation = nextEscalation(replied, calendar, DEFAULT_TIME_LIMITS);
    expect(escalation).toMatchObject({ closeUnrated: true });
    expect(chinaDate(escalation?.at ?? new Date())).toBe('2026-11-11');
    const closed = applyAction(
      replied,
      { type: 'close_unrated' },
      system,
      contextAt('2026-11-12T00:00:00+08:00'),
    ).after;
    expect(closed).toMatchObject({ status: 'closed', closedUnrated: true });
  });

  it('applies only the escalation whose time has come', () => {
    const handling = run(newCase(), [[...transferToHousing, '2026-11-06T10:00:00+08:00']]);
    expect(
      dueEscalation(handling, new Date('2026-11-13T12:00:00+08:00'), calendar, DEFAULT_TIME_LIMITS),
    ).toBeUndefined();
    expect(
      dueEscalation(handling, new Date('2026-11-14T00:00:00+08:00'), calendar, DEFAULT_TIME_LIMITS),
    ).toEqual({
      type: 'flag_overdue',
      card: 'yellow',
    });
    const replied = run(newCase(), [
      [operator, { type: 'answer', answer: '答复' }, '2026-11-06T10:00:00+08:00'],
    ]);
    expect(
      dueEscalation(replied, new Date('2026-11-12T00:00:00+08:00'), calendar, DEFAULT_TIME_LIMITS),
    ).toEqual({
      type: 'close_unrated',
    });
  });

  it('changes the plan key only when the workflow must plan again', () => {
    const handling = run(newCase(), [transferToHousing]);
    const signed = run(handling, [[housing, { type: 'sign' }]]);
    expect(planKey(signed)).toBe(planKey(handling));
    const supervised = run(signed, [[leader, { type: 'supervise', note: '请加快办理' }]]);
    expect(planKey(supervised)).toBe(planKey(handling));
    const extended = run(signed, [
      [housing, { type: 'request_extension', workingDays: 3, reason: '勘查' }],
      [dispatcher, { type: 'decide_extension', approve: true }],
    ]);
    expect(planKey(extended)).not.toBe(planKey(handling));
  });
});
