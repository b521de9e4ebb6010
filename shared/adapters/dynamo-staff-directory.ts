import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { StaffRole } from '../domain/roles';
import { isActiveAdmin, type StaffAccount } from '../domain/staff-account';
import type { StaffDirectory } from '../ports/staff-directory';
import { adminChangeAudit, putWithAudit } from './audited-write';
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
  const audited = (after: StaffAccount, by: { username: string; role: string }, before?: StaffAccount) => {
    if (!tables.audit) throw new Error('this function may not change accounts (no audit table)');
    return {
      TableName: tables.audit,
      Item: adminChangeAudit({
        subject: `staff:${after.username}`,
        action: before ? 'change_staff' : 'add_staff',
        by,
        before,
        after,
      }),
    };
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

  /** An enabled administrator other than `username`, read as it is now, or `none`. */
  const anotherAdmin = async (username: string) => {
    for (const other of await list()) {
      if (other.username === username || !isActiveAdmin(other)) continue;
      // The list is an index (eventually consistent): the item itself decides.
      const fresh = await read(other.username);
      if (fresh && isActiveAdmin(fresh.account)) return fresh;
    }
    return 'none' as const;
  };

  return {
    async get(username) {
      return (await read(username))?.account;
    },

    list,

    async add(account, by) {
      return putWithAudit(
        documents,
        {
          TableName: tables.staff,
          Item: staffItem(account, 1),
          ConditionExpression: 'attribute_not_exists(username)',
        },
        audited(account, by),
      );
    },

    async change(username, change, by) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const stored = await read(username);
        if (!stored) return undefined;
        const before = stored.account;
        const after = change(before);
        // Taking the office's admin away from an account needs another enabled administrator, who
        // must still be one when this change is written.
        const keeper =
          isActiveAdmin(before) && !isActiveAdmin(after) ? await anotherAdmin(username) : undefined;
        if (keeper === 'none') return 'last-admin';
        const written = await putWithAudit(
          documents,
          {
            TableName: tables.staff,
            Item: staffItem(after, stored.revision + 1),
            ConditionExpression: 'revision = :revision',
            ExpressionAttributeValues: { ':revision': stored.revision },
          },
          audited(after, by, before),
          keeper
            ? [
                {
                  TableName: tables.staff,
                  Key: { username: keeper.account.username },
                  ConditionExpression: 'revision = :revision',
                  ExpressionAttributeValues: { ':revision': keeper.revision },
                },
              ]
            : [],
        );
        // Otherwise the account or the keeping administrator changed meanwhile: look again.
        if (written) return { before, after };
      }
      throw new Error(`staff account ${username} kept changing while it was being changed`);
    },
  };
}
