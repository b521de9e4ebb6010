import { createServer, type Server } from 'node:http';
import type { Context } from 'aws-lambda';
import { lambdaContext } from '../../infra/local/lambda-context';
import type { SerializedApp } from '../../infra/local/presynthesized-app';
import type { LocalStreamMappings } from '../../infra/local/stream-mappings';
import type { SynthesizedApp } from '../../infra/local/synthesized-app';
import { LocalStepFunctions } from '../../infra/local/workflow/local-step-functions';
import { localStateMachineDefinition } from '../../infra/local/workflow/state-machine-definition';
import {
  STEP_FUNCTIONS_PATH,
  stepFunctionsEndpoint,
} from '../../infra/local/workflow/step-functions-endpoint';
import { STREAM_FUNCTIONS, WORKFLOW_FUNCTIONS } from '../../shared/functions/route-table';
import { SETTING_ENV, TABLE_ENV } from '../../shared/runtime/environment';
import { functionHandler } from './isolated-functions';
import { runStreamMappings } from './local-streams';

export interface LocalWorkflow {
  readonly stepFunctions: LocalStepFunctions;
  /** follow-case-workflow, fed by the case tables' streams: what starts and moves executions. */
  readonly following: LocalStreamMappings;
  /** Failure injection: the next invocation of that workflow function throws `error`. */
  failNext(functionName: string, error: Error): void;
  close(): Promise<void>;
}

const ARN = 'arn:aws:states:local:000000000000:stateMachine:CaseLifecycle';

/**
 * The synthesized CaseLifecycle run by the local runner in this test process, with the Step
 * Functions API stand-in on a loopback port for the handlers' SFN client, and follow-case-workflow
 * reading the case tables' streams as on AWS. Call after useLocalEnvironment and before importing
 * handlers.
 */
export async function useLocalWorkflow(serialized: SerializedApp): Promise<LocalWorkflow> {
  const app: SynthesizedApp = { ...serialized, functionLogicalIds: new Map(serialized.functionLogicalIds) };
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  Object.assign(process.env, {
    [SETTING_ENV.stateMachineArn]: ARN,
    AWS_ENDPOINT_URL_SFN: `http://127.0.0.1:${port}${STEP_FUNCTIONS_PATH}`,
  });
  const handlers = new Map<string, (event: unknown, context: Context) => Promise<unknown>>();
  for (const { functionName } of Object.values(WORKFLOW_FUNCTIONS)) {
    handlers.set(functionName, await functionHandler(functionName));
  }
  const failures = new Map<string, Error>();
  const stepFunctions = new LocalStepFunctions(
    localStateMachineDefinition(app),
    async (name, payload) => {
      const failure = failures.get(name);
      if (failure) {
        failures.delete(name);
        throw failure;
      }
      return (handlers.get(name) as (e: unknown, c: Context) => Promise<unknown>)(
        payload,
        lambdaContext(name, 10_000),
      );
    },
    ARN,
  );
  const endpoint = stepFunctionsEndpoint(stepFunctions, ARN);
  server.on('request', async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const reply = await endpoint(request, Buffer.concat(chunks));
    response.writeHead(reply?.status ?? 404, { 'content-type': 'application/x-amz-json-1.0' });
    response.end(JSON.stringify(reply?.body ?? {}));
  });
  const following = await runStreamMappings(
    process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '',
    { tableName: (role) => process.env[TABLE_ENV[role]] ?? role },
    [STREAM_FUNCTIONS.followCaseWorkflow],
  );
  return {
    stepFunctions,
    following,
    failNext(functionName, error) {
      failures.set(functionName, error);
    },
    async close() {
      await following.stop();
      stepFunctions.stopAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
