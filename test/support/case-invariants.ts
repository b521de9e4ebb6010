import { expect } from 'vitest';
import { type Case, currentAssignment } from '../../shared/domain/case';
import type { ActionType } from '../../shared/domain/lifecycle/action-table';
import { ACTION_RULES } from '../../shared/domain/lifecycle/action-table';
import { CASE_STATUSES } from '../../shared/domain/statuses';

/** What must hold for any case, whatever happened to it: used by the property-based tests. */
export function expectValidCase(c: Case): void {
  expect(CASE_STATUSES).toContain(c.status);
  expect(c.timeline).toHaveLength(c.version);
  expect(c.timeline.at(-1)?.status).toBe(c.status);
  expectTimelineExplainsStatus(c);

  switch (c.status) {
    case 'submitted':
      expect(c.deadlines.triageBy).toBeDefined();
      expect(currentAssignment(c)).toBeUndefined();
      break;
    case 'handling':
      expect(currentAssignment(c)).toBeDefined();
      expect(c.deadlines.handleBy).toBeDefined();
      expect(c.draftReply).toBeUndefined();
      break;
    case 'reviewing':
      expect(c.draftReply).toBeDefined();
      expect(currentAssignment(c)?.signedAt).toBeDefined();
      break;
    case 'replied':
      expect(c.reply?.deliveredAt).toBeDefined();
      expect(c.deadlines.followUpBy).toBeDefined();
      break;
    case 'closed':
      expect(c.closedAt).toBeDefined();
      expect(Boolean(c.rating) || c.closedUnrated === true).toBe(true);
      break;
    case 'rejected':
      expect(c.rejectionReason).toBeDefined();
      break;
    case 'merged':
      expect(c.mergedInto).toBeDefined();
      break;
  }
  expect(c.reopenCount).toBeLessThanOrEqual(2);
  expect(c.returnCount).toBe(c.assignments.filter((a) => a.returnedAt).length);
  const delivered = c.timeline.some(
    (e) => e.action === 'answer' || (e.action === 'review' && e.status === 'replied'),
  );
  expect(c.firstReplySource !== undefined).toBe(delivered);
}

/** Every timeline entry is an action its rule allows from the status before it. */
function expectTimelineExplainsStatus(c: Case): void {
  expect(c.timeline[0]).toMatchObject({ action: 'submit', status: 'submitted' });
  for (let i = 1; i < c.timeline.length; i += 1) {
    const previous = c.timeline[i - 1];
    const entry = c.timeline[i];
    if (!previous || !entry) continue;
    const rule = ACTION_RULES[entry.action as ActionType];
    expect(rule, entry.action).toBeDefined();
    expect(rule.from, `${entry.action} after ${previous.status}`).toContain(previous.status);
    expect(rule.roles).toContain(entry.role);
    expect(entry.at >= previous.at).toBe(true);
  }
}
