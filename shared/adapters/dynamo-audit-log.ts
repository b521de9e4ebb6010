import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditLog, AuditPage, AuditRecord } from '../ports/audit-log';
import type { Clock } from '../ports/clock';
import { auditEntry } from './audit-items';
import { AUDIT_BY_ACTOR } from './table-schemas';

export function dynamoAuditLog(documents: DynamoDBDocumentClient, table: string, clock: Clock): AuditLog {
  const page = async (input: ConstructorParameters<typeof QueryCommand>[0]): Promise<AuditPage> => {
    const out = await documents.send(new QueryCommand({ ...input, ScanIndexForward: false }));
    return {
      entries: (out.Items ?? []).map(
        ({ entryKey: _key, expiresAt: _expires, ...record }) => record as AuditRecord,
      ),
      ...(out.LastEvaluatedKey ? { next: out.LastEvaluatedKey } : {}),
    };
  };
  return {
    async recordContactRead(caseId, actor, purpose) {
      const entry = auditEntry({
        caseId,
        at: clock.now().toISOString(),
        actor: actor.username,
        role: actor.roles.join(','),
        kind: 'contact_read',
        action: 'read_contact',
        purpose,
      });
      await documents.send(
        new PutCommand({
          TableName: table,
          Item: entry,
          ConditionExpression: 'attribute_not_exists(entryKey)',
        }),
      );
    },
    byCase: (caseId, limit, start) =>
      page({
        TableName: table,
        KeyConditionExpression: 'caseId = :caseId',
        ExpressionAttributeValues: { ':caseId': caseId },
        Limit: limit,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    byActor: (actor, limit, start) =>
      page({
        TableName: table,
        IndexName: AUDIT_BY_ACTOR.indexName,
        KeyConditionExpression: 'actor = :actor',
        ExpressionAttributeValues: { ':actor': actor },
        Limit: limit,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
  };
}
