import {
  ExecutionAlreadyExists,
  InvalidToken,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../domain/case';
import { followingStep, planKey, REPLAN_ERROR } from '../domain/lifecycle/workflow-plan';
import { correlationIdOrNew } from '../observability/correlation';
import type { Log } from '../ports/log';
import type { StepPlanner, WaitingTask, Workflow } from '../ports/workflow';

/**
 * The CaseLifecycle state machine through the Step Functions API. The case table is the truth; the
 * workflow follows it. A wait step records its task token (one item per case); whoever changes
 * the case afterwards completes that token when the plan it was waiting on no longer holds. Both
 * sides write first and read second, so one of them always sees the other.
 *
 * Completing a token costs the state machine as little as possible: when the case moved on to the
 * step the definition chains next, the token succeeds with that step's plan (one transition, no
 * planning task); otherwise it fails with REPLAN_ERROR and the machine plans from the table.
 */
export function sfnWorkflow(
  sfn: SFNClient,
  documents: DynamoDBDocumentClient,
  config: { stateMachineArn: string | undefined; tasksTable: string },
  log: Log,
  plan: StepPlanner,
): Workflow {
  const complete = async (task: WaitingTask, c: Case | undefined) => {
    const next = await plan(c, task.round ?? c?.reopenCount ?? 0);
    try {
      if (next.step === followingStep(task.step)) {
        await sfn.send(
          new SendTaskSuccessCommand({
            taskToken: task.taskToken,
            // The change that moved the case travels with the plan to the steps it wakes.
            output: JSON.stringify({ ...next, correlationId: correlationIdOrNew() }),
          }),
        );
      } else {
        await sfn.send(
          new SendTaskFailureCommand({
            taskToken: task.taskToken,
            error: REPLAN_ERROR,
            cause: `the case is now in step ${next.step}`,
          }),
        );
      }
    } catch (error) {
      // The step already ended (timed out into escalation, or completed by the other side): the
      // workflow plans from the case table anyway, so nothing is lost.
      if (
        error instanceof TaskTimedOut ||
        error instanceof TaskDoesNotExist ||
        error instanceof InvalidToken
      ) {
        log.debug('task token no longer waiting', { caseId: task.caseId, error: (error as Error).name });
      } else {
        throw error;
      }
    }
    await documents
      .send(
        new DeleteCommand({
          TableName: config.tasksTable,
          Key: { caseId: task.caseId },
          ConditionExpression: 'attribute_not_exists(caseId) OR taskToken = :token',
          ExpressionAttributeValues: { ':token': task.taskToken },
        }),
      )
      .catch((error: Error) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
  };

  const start = async (c: Case, name: string) => {
    if (!config.stateMachineArn)
      throw new Error('this function may not start workflows (no state machine ARN)');
    const input = JSON.stringify({
      caseId: c.caseId,
      round: c.reopenCount,
      plan: { ...(await plan(c, c.reopenCount)), correlationId: correlationIdOrNew() },
    });
    try {
      // A start that fails after the SDK's own attempts fails its stream batch, which the mapping
      // retries from this case's record with back-off (then the failure destination, and the
      // hourly sweep): no retry loop of ours on top of that one.
      await sfn.send(
        new StartExecutionCommand({
          stateMachineArn: config.stateMachineArn,
          name,
          // The round (reopen count) binds the execution to this handling of the case; the plan
          // lets it go straight to the case's current step.
          input,
        }),
      );
    } catch (error) {
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
  };

  return {
    async startCase(c) {
      await start(c, c.reopenCount > 0 ? `${c.caseId}-reopen-${c.reopenCount}` : c.caseId);
    },

    async resumeCase(c, at) {
      await start(c, `${c.caseId}-resume-${at.getTime()}`);
    },

    async isWaiting(caseId) {
      const out = await documents.send(
        new GetCommand({ TableName: config.tasksTable, Key: { caseId }, ConsistentRead: true }),
      );
      return out.Item !== undefined;
    },

    async caseChanged(c) {
      const out = await documents.send(
        new GetCommand({ TableName: config.tasksTable, Key: { caseId: c.caseId }, ConsistentRead: true }),
      );
      const task = out.Item as WaitingTask | undefined;
      if (task && task.planKey !== planKey(c)) await complete(task, c);
    },

    async awaitStep(task, readCase) {
      await documents.send(
        new PutCommand({
          TableName: config.tasksTable,
          Item: { ...task, registeredAt: new Date().toISOString() },
        }),
      );
      const current = await readCase();
      if (!current || planKey(current) !== task.planKey) await complete(task, current);
    },
  };
}
