import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../domain/case';
import type { Counts } from '../domain/metrics/counters';
import { PartialBatch } from '../ports/partial-batch';
import type { CaseVersion, StatisticsWriter } from '../ports/statistics';
import { retryingConflicts } from './retryable-faults';
import { counterDeltas, counterUpdate } from './statistics-items';

/** DynamoDB takes at most 100 items in a transaction. */
const ITEMS_PER_TRANSACTION = 100;
/** Claims outlive the stream's 24-hour retention by far: a redelivered version always finds its claim. */
const CLAIM_DAYS = 14;

/**
 * Applies case versions' counter deltas exactly once: each transaction of counter updates also
 * puts a claim item for every version it applies (case, version, part), on the condition that none
 * exists yet. A redelivered version (a retried or replayed batch, a duplicated record, an SDK retry
 * of a transaction whose answer was lost) finds its claim and changes nothing. The versions of a
 * batch are applied together — their deltas summed per counter item, since most share the day's
 * items — so a batch of 100 records costs a few transactions, not 100; when a claim already exists,
 * that group falls back to one version at a time. (No client request token: the claim is the
 * idempotency, and a token would refuse the same claim with another expiry.)
 */
export function dynamoStatisticsWriter(
  documents: DynamoDBDocumentClient,
  table: string,
  now = () => Date.now(),
): StatisticsWriter {
  const claimItem = (claim: string) => ({
    Put: {
      TableName: table,
      Item: { scope: 'applied', period: claim, expiresAt: Math.floor(now() / 1000) + CLAIM_DAYS * 86_400 },
      ConditionExpression: 'attribute_not_exists(#scope)',
      ExpressionAttributeNames: { '#scope': 'scope' },
    },
  });

  /** One transaction: claims and summed counter updates. False when one of the claims already exists. */
  const transact = async (
    claims: readonly string[],
    counters: ReadonlyMap<string, Counts>,
  ): Promise<boolean> => {
    try {
      // Batches from other shards add to the same counters: a conflict is waited out here (the
      // claims make a repeat a no-op) rather than failing the whole batch back to the stream.
      await retryingConflicts(() =>
        documents.send(
          new TransactWriteCommand({
            TransactItems: [
              ...claims.map(claimItem),
              ...[...counters].map(([key, counts]) => ({ Update: counterUpdate(table, key, counts) })),
            ],
          }),
        ),
      );
      return true;
    } catch (error) {
      const claimed =
        error instanceof TransactionCanceledException &&
        (error.CancellationReasons ?? [])
          .slice(0, claims.length)
          .some((reason) => reason.Code === 'ConditionalCheckFailed');
      if (claimed) return false;
      throw error;
    }
  };

  /** One version on its own, in as many parts as its deltas need; parts already applied are skipped. */
  const applyOne = async (before: Case | undefined, after: Case) => {
    const deltas = [...counterDeltas(before, after)];
    const perPart = ITEMS_PER_TRANSACTION - 1;
    // A version that moves no counter still leaves its claim: every version is accounted for.
    for (let part = 0; part === 0 || part * perPart < deltas.length; part += 1) {
      await transact([claimOf(after, part)], new Map(deltas.slice(part * perPart, (part + 1) * perPart)));
    }
  };

  return {
    async applyCaseVersions(versions) {
      let start = 0;
      while (start < versions.length) {
        const claims: string[] = [];
        const counters = new Map<string, Counts>();
        let end = start;
        for (; end < versions.length; end += 1) {
          const { before, after } = versions[end] as CaseVersion;
          const claim = claimOf(after, 0);
          if (claims.includes(claim)) continue; // the same version twice in a batch: once is enough
          const deltas = counterDeltas(before, after);
          const added = [...deltas.keys()].filter((key) => !counters.has(key)).length;
          if (claims.length + 1 + counters.size + added > ITEMS_PER_TRANSACTION) break;
          claims.push(claim);
          for (const [key, counts] of deltas) counters.set(key, sum(counters.get(key), counts));
        }
        try {
          if (claims.length === 0) {
            // A single version too large for a shared transaction goes alone, in parts.
            const { before, after } = versions[start] as CaseVersion;
            await applyOne(before, after);
            end = start + 1;
          } else if (!(await transact(claims, counters))) {
            for (let i = start; i < end; i += 1) {
              const { before, after } = versions[i] as CaseVersion;
              await applyOne(before, after);
            }
          }
        } catch (error) {
          throw new PartialBatch(start, error);
        }
        start = end;
      }
    },
  };
}

function claimOf(after: Case, part: number): string {
  return `${after.caseId}#v${after.version}#${part}`;
}

function sum(a: Counts | undefined, b: Counts): Counts {
  const total: Counts = { ...a };
  for (const [counter, value] of Object.entries(b) as [keyof Counts, number][]) {
    total[counter] = (total[counter] ?? 0) + value;
  }
  return total;
}
