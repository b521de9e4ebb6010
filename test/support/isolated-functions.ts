import { pathToFileURL } from 'node:url';
import { localFunctionEnvironments } from '../../infra/local/function-environment';
import { type FunctionIsolation, isolateFunctions } from '../../infra/local/function-isolation';
import { lambdaContext } from '../../infra/local/lambda-context';
import type { SynthesizedApp } from '../../infra/local/synthesized-app';
import { functionEntry } from '../../infra/project-paths';
import { SETTING_ENV, type TableRole } from '../../shared/runtime/environment';
import type { Handler } from './events';

/**
 * Handlers as Lambda runs them, in a test process: each function loaded and invoked with only the
 * variables of its own synthesized definition (as the local server runs them), so a function
 * whose definition lacks a table fails in the integration tests as it would on AWS. A value the
 * test sets for a variable the function has (a test issuer, the local workflow's ARN) overrides it.
 */
let isolation: FunctionIsolation | undefined;

export function isolateTestFunctions(app: SynthesizedApp, tableName: (role: TableRole) => string): void {
  const byLogicalId = new Map(
    Object.entries(app.tableLogicalIds).map(([role, id]) => [id, tableName(role as TableRole)]),
  );
  const environments = localFunctionEnvironments(app, (id) => byLogicalId.get(id) ?? `local-${id}`);
  for (const variables of environments.values()) {
    if (SETTING_ENV.keyWrapper in variables) variables[SETTING_ENV.keyWrapper] = 'local-file';
    if (SETTING_ENV.signInAccounts in variables) variables[SETTING_ENV.signInAccounts] = 'local';
    // As in the local runtime: the outbox table is the only delivery, no SNS topic to publish to.
    delete variables[SETTING_ENV.notificationTopicArn];
    // Texting citizens has its own test against the provider's stand-in (citizen-texts.test.ts).
    delete variables[SETTING_ENV.smsSettings];
    delete variables[SETTING_ENV.smsAccessKeySecret];
  }
  isolation = isolateFunctions(environments, { keepProcessValues: true });
}

/** A function's handler, loaded as that function and invoked as it. */
export async function functionHandler(functionName: string): Promise<Handler> {
  const scope = isolation;
  const load = () => import(/* @vite-ignore */ pathToFileURL(functionEntry(functionName)).href);
  if (!scope) return (await load()).handler as Handler;
  const module = (await scope.runAs(functionName, load)) as { handler: Handler };
  return (event, context = lambdaContext(functionName, 10_000)) =>
    scope.runAs(functionName, () => module.handler(event, context));
}
