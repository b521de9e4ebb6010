import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandOutput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { StaffRole } from '../domain/roles';
import { isActiveAdmin, type StaffAccount } from '../domain/staff-account';
import type { StaffDirectory } from '../ports/staff-directory';
import { adminChangeAudit, cancelledByCondition } from './audited-write';
import { LISTED } from './table-schemas';

const STAFF_LISTING = 'staff';

export function staffItem(account: StaffAccount, revision: number): Record<string, unknown> {
  return {
    ...account,
    roles: [...account.roles],
    revision,
    [LISTED.partitionKey]: STAFF_LISTING,
    [LISTED.sortKey]: account.username,
  };
}

export function staffAccountOf(item: Record<string, unknown>): StaffAccount {
  return {
    username: String(item.username),
    displayName: String(item.displayName),
    roles: (item.roles as StaffRole[]) ?? [],
    ...(item.departmentId ? { departmentId: String(item.departmentId) } : {}),
    ...(item.phone ? { phone: String(item.phone) } : {}),
    enabled: item.enabled === true,
  };
}

/**
 * The staff directory in its table (one item per account, listed in the small `listed` index). Each
 * add and change is written with its audit entry in one transaction.
 */
export function dynamoStaffDirectory(
  documents: DynamoDBDocumentClient,
  tables: { staff: string /** Only functions that administer accounts have it. */; audit?: string },
): StaffDirectory {
  const read = async (username: string) => {
    const out = await documents.send(
      new GetCommand({ TableName: tables.staff, Key: { username }, ConsistentRead: true }),
    );
    return out.Item
      ? { account: staffAccountOf(out.Item), revision: Number(out.Item.revision ?? 0) }
      : undefined;
  };
  const auditTable = () => {
    if (!tables.audit) throw new Error('this function may not change accounts (no audit table)');
    return tables.audit;
  };

  const list = async () => {
    const accounts: StaffAccount[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out: QueryCommandOutput = await documents.send(
        new QueryCommand({
          TableName: tables.staff,
          IndexName: LISTED.indexName,
          KeyConditionExpression: '#listing = :listing',
          ExpressionAttributeNames: { '#listing': LISTED.partitionKey },
          ExpressionAttributeValues: { ':listing': STAFF_LISTING },
          ExclusiveStartKey: start,
        }),
      );
      accounts.push(...(out.Items ?? []).map(staffAccountOf));
      start = out.LastEvaluatedKey;
    } while (start);
    return accounts;
  };

  return {
    async get(username) {
      return (await read(username))?.account;
    },

    list,

    async add(account, by) {
      try {
        await documents.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tables.staff,
                  Item: staffItem(account, 1),
                  ConditionExpression: 'attribute_not_exists(username)',
                },
              },
              {
                Put: {
                  TableName: auditTable(),
                  Item: adminChangeAudit({
                    subject: `staff:${account.username}`,
                    action: 'add_staff',
                    by,
                    after: account,
                  }),
                },
              },
            ],
          }),
        );
        return true;
      } catch (error) {
        if (cancelledByCondition(error)) return false;
        throw error;
      }
    },

    async change(username, change, by) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const stored = await read(username);
        if (!stored) return undefined;
        const before = stored.account;
        const after = change(before);
        // Taking the office's admin away from an account needs another enabled administrator, who
        // must still be one when this change is written.
        let keeper: { account: StaffAccount; revision: number } | undefined;
        if (isActiveAdmin(before) && !isActiveAdmin(after)) {
          const others = (await list()).filter((a) => a.username !== username && isActiveAdmin(a));
          for (const other of others) {
            const fresh = await read(other.username);
            if (fresh && isActiveAdmin(fresh.account)) {
              keeper = fresh;
              break;
            }
          }
          if (!keeper) return 'last-admin';
        }
        try {
          await documents.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Put: {
                    TableName: tables.staff,
                    Item: staffItem(after, stored.revision + 1),
                    ConditionExpression: 'revision = :revision',
                    ExpressionAttributeValues: { ':revision': stored.revision },
                  },
                },
                ...(keeper
                  ? [
                      {
                        ConditionCheck: {
                          TableName: tables.staff,
                          Key: { username: keeper.account.username },
                          ConditionExpression: 'revision = :revision',
                          ExpressionAttributeValues: { ':revision': keeper.revision },
                        },
                      },
                    ]
                  : []),
                {
                  Put: {
                    TableName: auditTable(),
                    Item: adminChangeAudit({
                      subject: `staff:${username}`,
                      action: 'change_staff',
                      by,
                      before,
                      after,
                    }),
                  },
                },
              ],
            }),
          );
          return { before, after };
        } catch (error) {
          // The account or the keeping administrator changed meanwhile: look again.
          if (!cancelledByCondition(error)) throw error;
        }
      }
      throw new Error(`staff account ${username} kept changing while it was being changed`);
    },
  };
}
