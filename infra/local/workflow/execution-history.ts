import type { StateMachine } from 'aws-local-stepfunctions';

/** The event log aws-local-stepfunctions yields for one execution. */
type EventLog = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

/**
 * One event of an execution's history, named as Step Functions names it in GetExecutionHistory
 * (`TaskStateEntered`, `ChoiceStateExited`, `ExecutionSucceeded` …), so the counts read the same.
 */
export interface HistoryEvent {
  readonly id: number;
  readonly timestamp: string;
  readonly type: string;
  readonly stateName?: string;
  readonly error?: string;
}

/** Collects an execution's events as they happen (the log ends with the execution). */
export async function recordHistory(events: AsyncGenerator<EventLog>, into: HistoryEvent[]): Promise<void> {
  for await (const event of events) {
    const base = { id: into.length + 1, timestamp: new Date(event.timestamp).toISOString() };
    if ('state' in event) {
      const suffix = event.type.replace(/^State/, '');
      into.push({
        ...base,
        // StateEntered of a Task state → TaskStateEntered; retries and catches keep the library's name.
        type: suffix === 'Entered' || suffix === 'Exited' ? `${event.state.type}State${suffix}` : event.type,
        stateName: event.state.name,
        ...('Error' in event ? { error: String(event.Error) } : {}),
      });
    } else {
      into.push({ ...base, type: event.type, ...('Error' in event ? { error: String(event.Error) } : {}) });
    }
  }
}

/**
 * The state transitions Standard bills for: every state entered, and every retry of one (a retry
 * runs the state again).
 */
export function stateTransitions(history: readonly HistoryEvent[]): number {
  return history.filter((event) => event.type.endsWith('StateEntered') || event.type === 'StateRetried')
    .length;
}

/**
 * The Task state an execution is in by its history's last event: the one it entered, or the one
 * whose failed attempt it is running again (a retry does not enter the state again, on AWS nor
 * here). Undefined between states and after the end.
 */
export function taskStateNow(
  history: readonly Pick<HistoryEvent, 'type' | 'stateName'>[],
): string | undefined {
  const last = history.at(-1);
  return last?.type === 'TaskStateEntered' || last?.type === 'StateRetried' ? last.stateName : undefined;
}
