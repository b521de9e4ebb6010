import { functionScope } from './function-scope';

/**
 * Values read at most once per invocation: what an invocation must see as it is at that moment
 * (the administrator's settings), without reading it again for each deadline it computes. Every
 * entry point calls `beginInvocation` first. A value cached was read after the latest invocation of
 * its function began, so it is never older than any invocation that uses it — which also holds in
 * the local runtime, where invocations of one function overlap.
 */
const cached = new Map<string, Map<unknown, Promise<unknown>>>();

export function beginInvocation(): void {
  cached.delete(functionScope());
}

export function perInvocation<T>(read: () => Promise<T>): () => Promise<T> {
  return () => {
    const scope = functionScope();
    let values = cached.get(scope);
    if (!values) {
      values = new Map();
      cached.set(scope, values);
    }
    let value = values.get(read) as Promise<T> | undefined;
    if (!value) {
      const reading = read();
      value = reading;
      values.set(read, reading);
      const own = values;
      // A failed read is not kept: the next call (a retry) reads again.
      reading.catch(() => {
        if (own.get(read) === reading) own.delete(read);
      });
    }
    return value;
  };
}
