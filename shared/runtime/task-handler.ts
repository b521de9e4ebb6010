import type { Context } from 'aws-lambda';
import { withCorrelationId } from '../observability/correlation';
import { beginInvocation } from './invocation';
import { logger } from './logger';

/**
 * A Lambda invoked by the state machine, not by API Gateway: no HTTP shape, and a failure is
 * thrown back so the state machine's Retry and Catch decide what happens.
 */
export function taskHandler<In extends { caseId?: string; correlationId?: string }, Out>(
  name: string,
  logic: (input: In) => Promise<Out>,
) {
  // The state machine hands on the id of the change that moved the case (case-lifecycle.ts).
  return (input: In, context?: Context): Promise<Out> =>
    withCorrelationId(input.correlationId ?? context?.awsRequestId, async () => {
      beginInvocation();
      logger.addContext(context ?? ({} as Context));
      try {
        const output = await logic(input);
        // One line per step: with the correlation id, what a change set going in the workflow.
        logger.info(`${name} done`, { caseId: input.caseId });
        return output;
      } catch (error) {
        logger.error(`${name} failed`, { caseId: input.caseId, error: error as Error });
        throw error;
      }
    });
}
