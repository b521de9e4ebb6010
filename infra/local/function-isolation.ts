import { AsyncLocalStorage } from 'node:async_hooks';
import { FUNCTION_SCOPE_HOOK } from '../../shared/runtime/function-scope';

/**
 * Each function with only its own environment, in the one process that serves them all locally.
 * On AWS a function sees the variables of its own synthesized definition and no other's; here
 * `process.env` is replaced by a view that, during an invocation (or the import of a function's
 * module), shows that function's variables and hides every variable some other function has. So
 * a route that forgot to declare a table finds no table name locally either, and fails as on AWS.
 * What is not a function variable (region, endpoints, credentials, local settings) is shared.
 */
export interface FunctionIsolation {
  /** Runs `work` as `functionName` — its environment, its own once-per-process state. */
  runAs<T>(functionName: string, work: () => T): T;
}

interface Scope {
  readonly functionName: string;
  readonly variables: Readonly<Record<string, string>>;
}

export function isolateFunctions(
  environments: ReadonlyMap<string, Readonly<Record<string, string>>>,
  options: {
    /**
     * Tests: keep the function variables already in the process (outside a function they read as
     * before, as an operator's would), and let a value a test sets override a function's own
     * variable of that name — never give a function a variable its definition lacks.
     */
    readonly keepProcessValues?: boolean;
  } = {},
): FunctionIsolation {
  const storage = new AsyncLocalStorage<Scope>();
  const functionVariables = new Set(['AWS_LAMBDA_FUNCTION_NAME']);
  for (const variables of environments.values())
    for (const name of Object.keys(variables)) functionVariables.add(name);
  const base = process.env;
  if (!options.keepProcessValues) for (const name of functionVariables) delete base[name];
  const visible = (name: string | symbol): { scope?: Scope; own: boolean } => {
    const scope = storage.getStore();
    return { ...(scope ? { scope } : {}), own: typeof name === 'string' && functionVariables.has(name) };
  };
  /** A function variable as `scope` sees it: only if its definition has it. */
  const valueIn = (scope: Scope | undefined, name: string): string | undefined => {
    if (!scope) return base[name];
    if (!(name in scope.variables) || name === 'AWS_LAMBDA_FUNCTION_NAME') return scope.variables[name];
    return base[name] ?? scope.variables[name];
  };
  process.env = new Proxy(base, {
    // Written straight to the process's own environment object (which accepts only plain values).
    set(target, name, value) {
      (target as Record<string | symbol, unknown>)[name] = value;
      return true;
    },
    get(target, name) {
      const { scope, own } = visible(name);
      return own ? valueIn(scope, name as string) : Reflect.get(target, name);
    },
    has(target, name) {
      const { scope, own } = visible(name);
      return own ? valueIn(scope, name as string) !== undefined : Reflect.has(target, name);
    },
    ownKeys(target) {
      const scope = storage.getStore();
      // Once each: a variable may be both the process's (a test's value) and the function's.
      return [...new Set([...Reflect.ownKeys(target), ...Object.keys(scope?.variables ?? {})])];
    },
    getOwnPropertyDescriptor(target, name) {
      const { scope, own } = visible(name);
      if (!own) return Reflect.getOwnPropertyDescriptor(target, name);
      const value = valueIn(scope, name as string);
      return value === undefined
        ? undefined
        : { value, enumerable: true, configurable: true, writable: true };
    },
  });
  (globalThis as { [FUNCTION_SCOPE_HOOK]?: () => string | undefined })[FUNCTION_SCOPE_HOOK] = () =>
    storage.getStore()?.functionName;
  return {
    runAs(functionName, work) {
      const variables = environments.get(functionName);
      if (!variables) throw new Error(`no synthesized environment for function ${functionName}`);
      return storage.run(
        { functionName, variables: { ...variables, AWS_LAMBDA_FUNCTION_NAME: functionName } },
        work,
      );
    },
  };
}
