import { type DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { COUNTERS, type Counts } from '../domain/metrics/counters';
import type { CounterRow, StatisticsReader } from '../ports/statistics';

export function dynamoStatistics(documents: DynamoDBDocumentClient, table: string): StatisticsReader {
  return {
    async read(dimension, range) {
      const rows: CounterRow[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await documents.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: '#scope = :scope AND #period BETWEEN :from AND :to',
            ExpressionAttributeNames: { '#scope': 'scope', '#period': 'period' },
            ExpressionAttributeValues: {
              ':scope': `${dimension}#${range.granularity}`,
              ':from': `${range.from}#`,
              ':to': `${range.to}#\uffff`,
            },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) rows.push(toRow(item));
        start = page.LastEvaluatedKey;
      } while (start);
      return rows;
    },

    async readAll() {
      const rows: (CounterRow & { scope: string })[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await documents.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
        for (const item of page.Items ?? []) rows.push({ ...toRow(item), scope: String(item.scope) });
        start = page.LastEvaluatedKey;
      } while (start);
      return rows;
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
