import { BatchWriteCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { COUNTERS, type Counts, DIMENSIONS } from '../domain/metrics/counters';
import type { CounterRow, StatisticsReader, StatisticsRebuilder } from '../ports/statistics';

export function dynamoStatistics(
  documents: DynamoDBDocumentClient,
  table: string,
): StatisticsReader & StatisticsRebuilder {
  /** One counter partition (`dimension#granularity`), optionally only a range of periods. */
  const queryScope = async (scope: string, periods?: { from: string; to: string }): Promise<CounterRow[]> => {
    const rows: CounterRow[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await documents.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: `#scope = :scope${periods ? ' AND #period BETWEEN :from AND :to' : ''}`,
          ExpressionAttributeNames: { '#scope': 'scope', ...(periods ? { '#period': 'period' } : {}) },
          ExpressionAttributeValues: {
            ':scope': scope,
            ...(periods ? { ':from': `${periods.from}#`, ':to': `${periods.to}#\uffff` } : {}),
          },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) rows.push(toRow(item));
      start = page.LastEvaluatedKey;
    } while (start);
    return rows;
  };

  return {
    async replace(counters, remove) {
      const writes = [
        ...[...counters].map(([key, counts]) => {
          const [scope, period, value] = key.split('|');
          return { PutRequest: { Item: { scope, period: `${period}#${value}`, ...counts } } };
        }),
        ...remove.map((key) => {
          const [scope, period, value] = key.split('|');
          return { DeleteRequest: { Key: { scope, period: `${period}#${value}` } } };
        }),
      ];
      for (let i = 0; i < writes.length; i += 25) {
        let pending: Record<string, (typeof writes)[number][]> = { [table]: writes.slice(i, i + 25) };
        while (Object.keys(pending).length > 0) {
          const out = await documents.send(new BatchWriteCommand({ RequestItems: pending }));
          pending = (out.UnprocessedItems ?? {}) as typeof pending;
        }
      }
    },

    read: (dimension, range) => queryScope(`${dimension}#${range.granularity}`, range),

    /** Every counter item, partition by partition: the scopes are known, so no scan is needed. */
    async readAll() {
      const scopes = DIMENSIONS.flatMap((dimension) => [`${dimension}#day`, `${dimension}#month`]);
      const pages = await Promise.all(
        scopes.map(async (scope) => (await queryScope(scope)).map((row) => ({ ...row, scope }))),
      );
      return pages.flat();
    },
  };
}

function toRow(item: Record<string, unknown>): CounterRow {
  const key = String(item.period);
  const split = key.indexOf('#');
  const counts: Counts = {};
  for (const counter of COUNTERS) {
    const value = item[counter];
    if (typeof value === 'number' && value !== 0) counts[counter] = value;
  }
  return { period: key.slice(0, split), value: key.slice(split + 1), counts };
}
