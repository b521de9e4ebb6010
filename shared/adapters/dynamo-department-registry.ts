import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Department, DepartmentRegistry } from '../ports/department-directory';
import { type AuditEntry, auditEntry } from './audit-items';
import { departmentItem, departmentOf } from './dynamo-department-directory';

/**
 * Departments added and changed by an administrator: the department item and its audit entry
 * (before and after) in one transaction, conditional on the department (not) existing and on it
 * being unchanged since it was read — two administrators at once never lose an edit.
 */
export function dynamoDepartmentRegistry(
  documents: DynamoDBDocumentClient,
  tables: { departments: string; audit: string },
): DepartmentRegistry {
  const audited = (department: Department, by: { username: string; role: string }, before?: Department) =>
    auditEntry({
      caseId: `department:${department.departmentId}`,
      at: new Date().toISOString(),
      actor: by.username,
      role: by.role,
      kind: 'admin_change',
      action: before ? 'change_department' : 'add_department',
      ...(before ? { before: JSON.stringify(before) } : {}),
      after: JSON.stringify(department),
    });

  /** The department item and its audit entry, together; `false` when the item's condition failed. */
  const storeWithAudit = async (
    department: {
      Item: Record<string, unknown>;
      ConditionExpression: string;
      ExpressionAttributeValues?: Record<string, unknown>;
    },
    audit: AuditEntry,
  ): Promise<boolean> => {
    try {
      await documents.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tables.departments, ...department } },
            { Put: { TableName: tables.audit, Item: audit } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (cancelledByCondition(error)) return false;
      throw error;
    }
  };

  return {
    async add(department, by) {
      return storeWithAudit(
        { Item: departmentItem(department), ConditionExpression: 'attribute_not_exists(departmentId)' },
        audited(department, by),
      );
    },

    async change(departmentId, changes, by) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const out = await documents.send(
          new GetCommand({ TableName: tables.departments, Key: { departmentId }, ConsistentRead: true }),
        );
        if (!out.Item) return undefined;
        const before = departmentOf(out.Item);
        const revision = Number(out.Item.revision ?? 0);
        const after: Department = { ...before, ...changes };
        const stored = await storeWithAudit(
          {
            Item: { ...departmentItem(after), revision: revision + 1 },
            // Unchanged since read: the audit's "before" is what was really replaced.
            ConditionExpression:
              'attribute_exists(departmentId) AND (attribute_not_exists(revision) OR revision = :revision)',
            ExpressionAttributeValues: { ':revision': revision },
          },
          audited(after, by, before),
        );
        if (stored) return { before, after };
      }
      throw new Error(`department ${departmentId} kept changing while it was being changed`);
    },
  };
}

function cancelledByCondition(error: unknown): boolean {
  const reasons = (error as { name?: string; CancellationReasons?: { Code?: string }[] }).CancellationReasons;
  return (
    (error as Error).name === 'TransactionCanceledException' &&
    (reasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed')
  );
}
