import type { IncomingMessage } from 'node:http';
import type { LocalEndpoint } from '../local-api-server';
import { ExecutionAlreadyExistsError, type LocalStepFunctions } from './local-step-functions';

/** Where the handlers' SFN client is pointed locally (AWS_ENDPOINT_URL_SFN). */
export const STEP_FUNCTIONS_PATH = '/local/stepfunctions';

/**
 * The Step Functions API (JSON 1.0 protocol, as @aws-sdk/client-sfn speaks it) for the calls the
 * handlers make: StartExecution, SendTaskSuccess, SendTaskFailure, DescribeExecution. Errors come
 * back as AWS sends them (`__type`), so the SDK raises TaskTimedOut, ExecutionAlreadyExists…
 */
export function stepFunctionsEndpoint(sfn: LocalStepFunctions, stateMachineArn: string): LocalEndpoint {
  return async (request: IncomingMessage, body: Buffer) => {
    const path = (request.url ?? '').split('?')[0]?.replace(/\/$/, '');
    if (request.method !== 'POST' || path !== STEP_FUNCTIONS_PATH) return undefined;
    const operation = String(request.headers['x-amz-target'] ?? '').replace('AWSStepFunctions.', '');
    const input = JSON.parse(body.toString('utf8') || '{}') as Record<string, string>;
    const refused = (type: string, message: string) => ({ status: 400, body: { __type: type, message } });
    switch (operation) {
      case 'StartExecution': {
        if (input.stateMachineArn !== stateMachineArn)
          return refused('StateMachineDoesNotExist', 'State Machine Does Not Exist');
        try {
          const record = sfn.startExecution(input.name ?? crypto.randomUUID(), input.input ?? '{}');
          return {
            status: 200,
            body: { executionArn: record.executionArn, startDate: record.startDate.getTime() / 1000 },
          };
        } catch (error) {
          if (error instanceof ExecutionAlreadyExistsError)
            return refused('ExecutionAlreadyExists', error.message);
          throw error;
        }
      }
      case 'SendTaskSuccess': {
        const refusal = sfn.sendTaskSuccess(input.taskToken ?? '', JSON.parse(input.output ?? 'null'));
        return refusal ? refused(refusal, refusalMessage(refusal)) : { status: 200, body: {} };
      }
      case 'SendTaskFailure': {
        const refusal = sfn.sendTaskFailure(input.taskToken ?? '', input.error ?? 'Error', input.cause ?? '');
        return refusal ? refused(refusal, refusalMessage(refusal)) : { status: 200, body: {} };
      }
      case 'DescribeExecution': {
        const record = sfn.describe(input.executionArn ?? '');
        if (!record) return refused('ExecutionDoesNotExist', 'Execution Does Not Exist');
        return {
          status: 200,
          body: {
            executionArn: record.executionArn,
            stateMachineArn,
            name: record.name,
            status: record.status,
            input: record.input,
            startDate: record.startDate.getTime() / 1000,
            ...(record.stopDate ? { stopDate: record.stopDate.getTime() / 1000 } : {}),
          },
        };
      }
      default:
        return refused('UnknownOperationException', `${operation} is not available locally`);
    }
  };
}

function refusalMessage(refusal: string): string {
  if (refusal === 'TaskTimedOut') return 'Task Timed Out';
  if (refusal === 'InvalidToken') return 'Task Token has already been used or is invalid';
  return 'Task does not exist anymore';
}
