import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditEntry, auditEntry } from './audit-items';

/** A conditional put: the item and the condition it is written under. */
export interface ConditionalPut {
  readonly TableName: string;
  readonly Item: Record<string, unknown>;
  readonly ConditionExpression: string;
  readonly ExpressionAttributeValues?: Record<string, unknown>;
}

/** Another item that must be as it was read for the change to hold. */
export interface ConditionCheck {
  readonly TableName: string;
  readonly Key: Record<string, unknown>;
  readonly ConditionExpression: string;
  readonly ExpressionAttributeValues?: Record<string, unknown>;
}

/**
 * An administrator's change: the changed item and its audit entry in one transaction, so a change
 * is never stored unaudited nor audited unstored. `false` when a condition failed (the item
 * changed since it was read or exists already, or a checked item changed): nothing was written.
 */
export async function putWithAudit(
  documents: DynamoDBDocumentClient,
  put: ConditionalPut,
  audit: { readonly TableName: string; readonly Item: AuditEntry },
  checks: readonly ConditionCheck[] = [],
): Promise<boolean> {
  try {
    await documents.send(
      new TransactWriteCommand({
        TransactItems: [{ Put: put }, ...checks.map((check) => ({ ConditionCheck: check })), { Put: audit }],
      }),
    );
    return true;
  } catch (error) {
    if (cancelledByCondition(error)) return false;
    throw error;
  }
}

/** The audit entry of an administrator's change to `subject` (`department:dept-urban`, `settings:time-limits`). */
export function adminChangeAudit(change: {
  readonly subject: string;
  readonly action: string;
  readonly by: { readonly username: string; readonly role: string };
  readonly before?: unknown;
  readonly after: unknown;
}): AuditEntry {
  return auditEntry({
    caseId: change.subject,
    at: new Date().toISOString(),
    actor: change.by.username,
    role: change.by.role,
    kind: 'admin_change',
    action: change.action,
    ...(change.before === undefined ? {} : { before: JSON.stringify(change.before) }),
    after: JSON.stringify(change.after),
  });
}

function cancelledByCondition(error: unknown): boolean {
  const reasons = (error as { name?: string; CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  return (
    (error as Error).name === 'TransactionCanceledException' &&
    (reasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed')
  );
}
