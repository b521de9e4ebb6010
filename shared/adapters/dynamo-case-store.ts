import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Case } from '../domain/case';
import type { CaseKind } from '../domain/case-kinds';
import { formatCaseNumber, kindOfCaseNumber, sequenceName } from '../domain/case-number';
import { CivicError, staleVersion } from '../domain/errors';
import { correlated, correlationId } from '../observability/correlation';
import type { CaseGuard, CaseStore } from '../ports/case-store';
import type { Notification } from '../ports/notifier';
import { stateChangeAudit } from './audit-items';
import { fromCaseItem, toCaseItem } from './case-item';
import { listCases } from './dynamo-case-list';
import { retryingConflicts } from './retryable-faults';
import { counterDeltas, counterUpdate } from './statistics-items';

export interface CaseTables {
  readonly cases: Readonly<Record<CaseKind, string>>;
  /** Only functions that take in cases have it: the daily case-number sequences. */
  readonly sequences?: string;
  /** Only functions that change cases have it: every change is audited in its own transaction. */
  readonly audit?: string;
  /** Likewise: a change's notices go to the outbox in the same transaction. */
  readonly notifications?: string;
  /** Bulk imports only (importCases): counters otherwise come from the table streams. */
  readonly statistics?: string;
}

/**
 * Cases, with their audit entry and their notices (the outbox) in the same transaction: a change
 * that is stored is audited and announced, one that fails leaves nothing. The transaction names
 * only items of its own case — no counter every case shares, which would serialise the city's
 * writes (statistics come from the table streams). The transaction's client token makes an SDK
 * retry of a transaction that already went through a no-op.
 */
export function dynamoCaseStore(documents: DynamoDBDocumentClient, tables: CaseTables): CaseStore {
  const write = async (
    before: Case | undefined,
    after: Case,
    guards: readonly CaseGuard[] = [],
    notifications: readonly Notification[] = [],
  ) => {
    const { audit, notifications: outbox } = tables;
    if (!audit || !outbox) throw new Error('this function may not change cases (no audit or outbox table)');
    try {
      // Same transaction, same client token: a retry after a conflict is the same write, once.
      await retryingConflicts(() =>
        documents.send(
          new TransactWriteCommand({
            ClientRequestToken: transactionToken(tables.cases[after.kind], after),
            TransactItems: [
              {
                Put: {
                  TableName: tables.cases[after.kind],
                  Item: correlated(toCaseItem(after)),
                  ...(before
                    ? {
                        ConditionExpression: '#version = :expected',
                        ExpressionAttributeNames: { '#version': 'version' },
                        ExpressionAttributeValues: { ':expected': before.version },
                      }
                    : { ConditionExpression: 'attribute_not_exists(caseId)' }),
                },
              },
              {
                Put: {
                  TableName: audit,
                  Item: stateChangeAudit(before, after),
                  ConditionExpression: 'attribute_not_exists(entryKey)',
                },
              },
              ...notifications.map((notification) => ({
                Put: {
                  TableName: outbox,
                  Item: correlated(notification),
                  ConditionExpression: 'attribute_not_exists(notificationId)',
                },
              })),
              ...guards.map((guard) => ({
                ConditionCheck: {
                  TableName: tables.cases[guard.kind],
                  Key: { caseId: guard.caseId },
                  ConditionExpression: '#version = :expected',
                  ExpressionAttributeNames: { '#version': 'version' },
                  ExpressionAttributeValues: { ':expected': guard.version },
                },
              })),
            ],
          }),
        ),
      );
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        if (reasons[0]?.Code === 'ConditionalCheckFailed') throw staleVersion();
        if (
          guards.length > 0 &&
          reasons.slice(-guards.length).some((reason) => reason.Code === 'ConditionalCheckFailed')
        ) {
          throw new CivicError(409, 'CASE_CHANGED', '相关案件已被他人处理，请刷新后重试');
        }
      }
      throw error;
    }
  };

  return {
    async allocateCaseNumber(kind, at) {
      if (!tables.sequences) throw new Error('this function may not take in cases (no sequences table)');
      const out = await documents.send(
        new UpdateCommand({
          TableName: tables.sequences,
          Key: { name: sequenceName(kind, at) },
          UpdateExpression: 'ADD #value :one',
          ExpressionAttributeNames: { '#value': 'value' },
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const sequence = Number(out.Attributes?.value);
      if (sequence > 999_999) {
        throw new CivicError(503, 'DAILY_CAPACITY_REACHED', '今日受理编号已用尽，请明日再试');
      }
      return formatCaseNumber(kind, at, sequence);
    },

    create: (created, notifications) => write(undefined, created, [], notifications),

    async get(caseId) {
      const kind = kindOfCaseNumber(caseId);
      if (!kind) return undefined;
      const out = await documents.send(
        new GetCommand({ TableName: tables.cases[kind], Key: { caseId }, ConsistentRead: true }),
      );
      return out.Item ? fromCaseItem(out.Item) : undefined;
    },

    save: (before, after, guards, notifications) => write(before, after, guards, notifications),

    list: (filter, limit, position) => listCases(documents, tables.cases, filter, limit, position),

    async importCases(cases) {
      const statisticsTable = tables.statistics;
      if (!statisticsTable) throw new Error('this function may not change cases (no statistics table)');
      for (let i = 0; i < cases.length; i += 25) {
        const batch = cases.slice(i, i + 25);
        let pending: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> = {};
        for (const c of batch) {
          const table = tables.cases[c.kind];
          pending[table] = [
            ...(pending[table] ?? []),
            { PutRequest: { Item: toCaseItem(c) as unknown as Record<string, unknown> } },
          ];
        }
        while (Object.keys(pending).length > 0) {
          const out = await documents.send(new BatchWriteCommand({ RequestItems: pending }));
          pending = (out.UnprocessedItems ?? {}) as typeof pending;
        }
      }
      const totals = new Map<string, Record<string, number>>();
      for (const c of cases) {
        for (const [key, counts] of counterDeltas(undefined, c)) {
          const sum = totals.get(key) ?? {};
          for (const [counter, value] of Object.entries(counts)) sum[counter] = (sum[counter] ?? 0) + value;
          totals.set(key, sum);
        }
      }
      for (const [key, counts] of totals)
        await documents.send(new UpdateCommand(counterUpdate(statisticsTable, key, counts)));
    },
  };
}

/**
 * The same change, retried, gets the same token; two different changes racing for the same
 * version get different ones (and the loser a plain condition failure, not a token mismatch).
 */
function transactionToken(table: string, after: Case): string {
  // The correlation id is part of the items written: a token names one set of items.
  const change = JSON.stringify([table, after.caseId, after.version, after.timeline.at(-1), correlationId()]);
  return createHash('sha256').update(change).digest('base64url').slice(0, 36);
}
