import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Department, DepartmentRegistry } from '../ports/department-directory';
import { adminChangeAudit, putWithAudit } from './audited-write';
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
  const audited = (department: Department, by: { username: string; role: string }, before?: Department) => ({
    TableName: tables.audit,
    Item: adminChangeAudit({
      subject: `department:${department.departmentId}`,
      action: before ? 'change_department' : 'add_department',
      by,
      before,
      after: department,
    }),
  });

  return {
    async add(department, by) {
      return putWithAudit(
        documents,
        {
          TableName: tables.departments,
          Item: departmentItem(department),
          ConditionExpression: 'attribute_not_exists(departmentId)',
        },
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
        const stored = await putWithAudit(
          documents,
          {
            TableName: tables.departments,
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
