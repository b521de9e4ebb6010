import { describe, expect, it } from 'vitest';
import { stateTransitions, taskStateNow } from '../../../infra/local/workflow/execution-history';

const entered = (stateName: string) => ({ type: 'TaskStateEntered', stateName });

describe('an execution’s history', () => {
  it('waits in the Task state it entered last', () => {
    expect(taskStateNow([{ type: 'ExecutionStarted' }, entered('AwaitTriage')])).toBe('AwaitTriage');
  });

  it('still waits in a Task state whose failed attempt runs again: a retry enters no state', () => {
    const history = [entered('AwaitHandling'), { type: 'StateRetried', stateName: 'AwaitHandling' }];
    expect(taskStateNow(history)).toBe('AwaitHandling');
    // Standard bills the retry as a transition all the same.
    expect(stateTransitions(history.map((event, i) => ({ ...event, id: i + 1, timestamp: '' })))).toBe(2);
  });

  it('waits nowhere between states, after the end or before the start', () => {
    expect(taskStateNow([entered('Plan'), { type: 'TaskStateExited', stateName: 'Plan' }])).toBeUndefined();
    expect(taskStateNow([entered('AwaitRating'), { type: 'ExecutionSucceeded' }])).toBeUndefined();
    expect(taskStateNow([])).toBeUndefined();
  });
});
