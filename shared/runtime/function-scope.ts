/**
 * Which function this code runs for. On Lambda a process serves one function, so "once per
 * process" is "once per function" and this is always ''. The local runtime serves every function
 * from one process and installs a hook (FUNCTION_SCOPE_HOOK) naming the function of the current
 * invocation, so that what a function builds once (clients of its tables, its idempotency store)
 * stays that function's own — as on AWS, a function cannot borrow what another one built.
 */
export const FUNCTION_SCOPE_HOOK = Symbol.for('civicline.functionScope');

export function functionScope(): string {
  const hook = (globalThis as { [FUNCTION_SCOPE_HOOK]?: () => string | undefined })[FUNCTION_SCOPE_HOOK];
  return hook?.() ?? '';
}
