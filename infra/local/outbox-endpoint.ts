import { type DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { NOTIFICATIONS_BY_CASE } from '../../shared/adapters/table-schemas';
import type { LocalEndpoint } from './local-api-server';

/**
 * GET /local/outbox[?caseId=…]: what the Notifier would have sent by SMS in the cloud (reply
 * ready, rating requests, supervision, overdue cards), oldest first. Local only.
 */
export function outboxEndpoint(documents: DynamoDBDocumentClient, table: string): LocalEndpoint {
  return async (request) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method !== 'GET' || url.pathname !== '/local/outbox') return undefined;
    const caseId = url.searchParams.get('caseId');
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await documents.send(
        caseId
          ? new QueryCommand({
              TableName: table,
              IndexName: NOTIFICATIONS_BY_CASE.indexName,
              KeyConditionExpression: 'caseId = :caseId',
              ExpressionAttributeValues: { ':caseId': caseId },
              ExclusiveStartKey: start,
            })
          : new ScanCommand({ TableName: table, ExclusiveStartKey: start }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    items.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
    return { status: 200, body: { notifications: items } };
  };
}
