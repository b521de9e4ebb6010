import { type DynamoDBDocumentClient, paginateQuery, paginateScan } from '@aws-sdk/lib-dynamodb';
import { batchGetItems } from '../../shared/adapters/batch-get';
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
    const items = caseId ? await noticesOfCase(documents, table, caseId) : await allNotices(documents, table);
    items.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
    return { status: 200, body: { notifications: items } };
  };
}

async function allNotices(documents: DynamoDBDocumentClient, table: string) {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateScan({ client: documents }, { TableName: table }))
    items.push(...(page.Items ?? []));
  return items;
}

/** A case's notices: their ids from the by-case index (which carries only the kind), then the notices. */
async function noticesOfCase(documents: DynamoDBDocumentClient, table: string, caseId: string) {
  const ids: Record<string, unknown>[] = [];
  for await (const page of paginateQuery(
    { client: documents },
    {
      TableName: table,
      IndexName: NOTIFICATIONS_BY_CASE.indexName,
      KeyConditionExpression: 'caseId = :caseId',
      ExpressionAttributeValues: { ':caseId': caseId },
      ProjectionExpression: 'notificationId',
    },
  ))
    ids.push(...(page.Items ?? []));
  return batchGetItems(
    documents,
    ids.map((key) => ({ table, key })),
    { consistent: true },
  );
}
