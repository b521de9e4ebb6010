import type { Context } from 'aws-lambda';
import { beginInvocation } from './invocation';
import { logger } from './logger';

/**
 * A Lambda invoked by the state machine, not by API Gateway: no HTTP shape, and a failure is
 * thrown back so the state machine's Retry and Catch decide what happens.
 */
export function taskHandler<In extends { caseId?: string }, Out>(
  name: string,
  logic: (input: In) => Promise<Out>,
) {
  return async (input: In, context?: Context): Promise<Out> => {
    beginInvocation();
    logger.addContext(context ?? ({} as Context));
    try {
      return await logic(input);
    } catch (error) {
      logger.error(`${name} failed`, { caseId: input.caseId, error: error as Error });
      throw error;
    }
  };
}
