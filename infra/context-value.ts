import * as z from 'zod/mini';

/**
 * A `cdk.json` context value checked against its schema: undefined when it is not set, the
 * value as the schema gives it, or an error naming the key and what is wrong with it — so a
 * misconfigured city stops at synth, not at the first request.
 */
export function parseContextValue<Schema extends z.ZodMiniType>(
  key: string,
  schema: Schema,
  raw: unknown,
): z.infer<Schema> | undefined {
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`cdk.json context "${key}" is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
