import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { localFunctionEnvironments } from '../../infra/local/function-environment';
import { type FunctionIsolation, isolateFunctions } from '../../infra/local/function-isolation';
import type { SynthesizedApp } from '../../infra/local/synthesized-app';
import { functionEntry } from '../../infra/project-paths';
import { SETTING_ENV, TABLE_ENV, type TableRole } from '../../shared/runtime/environment';
import { type Handler, invoke, sampleBody, sampleEvent } from '../support/events';
import { type LocalEnvironment, lettersTitled, useLocalEnvironment } from '../support/local-environment';

/**
 * Locally each function sees only the variables of its own synthesized definition, as on AWS
 * (the local server runs every function this way). So a route whose definition forgets a table
 * fails here exactly as it would in the cloud — shown with submit-letter's real environment, and
 * with that environment less the audit table its definition grants.
 */
let env: LocalEnvironment;
let isolation: FunctionIsolation;
const MISSING_AUDIT = 'submit-letter-without-audit';

beforeAll(async () => {
  env = await useLocalEnvironment(inject('dynamoDbEndpoint'), inject('synthesizedApp'), {
    isolateFunctions: false,
  });
  const serialized = inject('synthesizedApp');
  const app: SynthesizedApp = { ...serialized, functionLogicalIds: new Map(serialized.functionLogicalIds) };
  const byLogicalId = new Map(
    Object.entries(app.tableLogicalIds).map(([role, id]) => [id, env.tableName(role as TableRole)]),
  );
  const localKeyFile = process.env[SETTING_ENV.localKeyFile] ?? '';
  // No workflow runner in this file: starting one fails fast, on this machine, and is logged.
  process.env.AWS_ENDPOINT_URL_SFN = 'http://127.0.0.1:9';
  const environments = localFunctionEnvironments(app, (id) => byLogicalId.get(id) ?? `local-${id}`);
  for (const variables of environments.values()) {
    if (SETTING_ENV.keyWrapper in variables) {
      variables[SETTING_ENV.keyWrapper] = 'local-file';
      variables[SETTING_ENV.localKeyFile] = localKeyFile;
    }
  }
  const { [TABLE_ENV.audit]: _forgotten, ...withoutAudit } = environments.get('submit-letter') ?? {};
  environments.set(MISSING_AUDIT, withoutAudit);
  isolation = isolateFunctions(environments);
});

/** The function's module loaded as that function (its own instance), then invoked as it. */
async function runAs(functionName: string, title: string) {
  const module = (await isolation.runAs(
    functionName,
    () =>
      import(/* @vite-ignore */ `${pathToFileURL(functionEntry('submit-letter')).href}?as=${functionName}`),
  )) as { handler: Handler };
  return isolation.runAs(functionName, () =>
    invoke(module.handler, sampleEvent('submit-letter', { body: { ...sampleBody('submit-letter'), title } })),
  );
}

describe('each function with its own environment', () => {
  it('hides every other function’s variables, and shows a function its own', () => {
    expect(process.env[TABLE_ENV.letters]).toBeUndefined();
    isolation.runAs('health', () => {
      expect(process.env[TABLE_ENV.departments]).toBeDefined();
      expect(process.env[TABLE_ENV.letters]).toBeUndefined();
      expect(process.env.AWS_LAMBDA_FUNCTION_NAME).toBe('health');
    });
    isolation.runAs('submit-letter', () =>
      expect(process.env[TABLE_ENV.letters]).toBe(env.tableName('letters')),
    );
  });

  it('takes a letter as submit-letter, with the tables its definition grants', async () => {
    const accepted = await runAs('submit-letter', '隔离环境 有审计表');
    expect(accepted.status).toBe(201);
    expect(await lettersTitled(env, '隔离环境 有审计表')).toBe(1);
  });

  it('fails, and writes nothing, when the definition forgets a table the code uses', async () => {
    const refused = await runAs(MISSING_AUDIT, '隔离环境 缺审计表');
    expect(refused.status).toBe(500);
    expect(await lettersTitled(env, '隔离环境 缺审计表')).toBe(0);
  });
});

describe('the integration tests’ handlers (keepProcessValues)', () => {
  it('see only their definition’s variables, a test’s value overriding one they have', () => {
    const environments = new Map([
      ['health', { [TABLE_ENV.departments]: 'from-definition' }],
      ['submit-letter', { [TABLE_ENV.letters]: 'letters-from-definition' }],
    ]);
    Object.assign(process.env, { [TABLE_ENV.letters]: 'set-by-the-test' });
    const tests = isolateFunctions(environments, { keepProcessValues: true });
    // Outside any function: what the test process set (an operator's view).
    expect(process.env[TABLE_ENV.letters]).toBe('set-by-the-test');
    tests.runAs('health', () => {
      expect(process.env[TABLE_ENV.letters]).toBeUndefined();
      expect(process.env[TABLE_ENV.departments]).toBe('from-definition');
    });
    tests.runAs('submit-letter', () => expect(process.env[TABLE_ENV.letters]).toBe('set-by-the-test'));
    process.env.CIVICLINE_PROBE_TABLE = 'plain assignment works';
    expect(process.env.CIVICLINE_PROBE_TABLE).toBe('plain assignment works');
    delete process.env.CIVICLINE_PROBE_TABLE;
  });
});
