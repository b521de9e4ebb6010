import { createHash } from 'node:crypto';
import type { Case, TimelineEntry } from '../domain/case';
import type { OnceRequest } from '../ports/idempotency';

/**
 * A client's write request as the case remembers it: a digest of its Idempotency-Key scope, key
 * and body, stored with the timeline entry it made, in the same transaction. A retry after a crash
 * that lost the idempotency record finds its own entry instead of acting twice (or getting 409).
 */
export function clientRequestDigest(once: OnceRequest): string | undefined {
  if (!once.key) return undefined;
  return createHash('sha256')
    .update(JSON.stringify([once.scope, once.key, once.payload]))
    .digest('base64url')
    .slice(0, 32);
}

/** The entry a request made, and the version it left the case at (every change appends one entry). */
export function entryOfRequest(
  c: Case,
  digest: string | undefined,
): { entry: TimelineEntry; version: number } | undefined {
  if (!digest) return undefined;
  const index = c.timeline.findIndex((entry) => entry.request === digest);
  const entry = c.timeline[index];
  return entry ? { entry, version: index + 1 } : undefined;
}
