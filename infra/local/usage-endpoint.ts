import { INJECTED } from '../../shared/adapters/fault-injection';
import { resetUsage, USAGE } from '../../shared/adapters/usage-meter';
import type { LocalEndpoint } from './local-api-server';
import { stateTransitions } from './workflow/execution-history';
import type { LocalStepFunctions } from './workflow/local-step-functions';

/** Each function's invocations and the milliseconds they ran (what Lambda bills), since the last reset. */
export class InvocationMeter {
  private readonly byFunction = new Map<string, { count: number; ms: number }>();

  async measure<T>(functionName: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      const tally = this.byFunction.get(functionName) ?? { count: 0, ms: 0 };
      tally.count += 1;
      tally.ms += performance.now() - started;
      this.byFunction.set(functionName, tally);
    }
  }

  snapshot(): Record<string, { count: number; ms: number }> {
    return Object.fromEntries(this.byFunction);
  }

  reset(): void {
    this.byFunction.clear();
  }
}

/**
 * GET /local/usage: what this server has used since the last POST /local/usage/reset — function
 * invocations and their milliseconds, SDK commands per service, DynamoDB read and write units
 * (counted when the server runs with CIVICLINE_METER), and the workflow's state transitions.
 * `npm run cost` prices it.
 */
export function usageEndpoint(
  invocations: InvocationMeter,
  stepFunctions: LocalStepFunctions,
): LocalEndpoint {
  let since = new Date(0);
  return async (request) => {
    if (request.method === 'POST' && request.url === '/local/usage/reset') {
      invocations.reset();
      resetUsage();
      since = new Date();
      return { status: 200, body: { since: since.toISOString() } };
    }
    if (request.method !== 'GET' || request.url !== '/local/usage') return undefined;
    const after = since.toISOString();
    const transitions = stepFunctions
      .list()
      .reduce((sum, e) => sum + stateTransitions(e.history.filter((event) => event.timestamp >= after)), 0);
    return {
      status: 200,
      body: {
        since: after,
        metered: process.env.CIVICLINE_METER !== undefined,
        invocations: invocations.snapshot(),
        commands: Object.fromEntries(USAGE.commands),
        dynamoReadUnits: USAGE.dynamoReadUnits,
        dynamoWriteUnits: USAGE.dynamoWriteUnits,
        unitsByTable: Object.fromEntries(USAGE.unitsByTable),
        transitions,
        // Calls failed on purpose since this server started (CIVICLINE_FAULTS).
        injectedFaults: Object.fromEntries(INJECTED),
      },
    };
  };
}
