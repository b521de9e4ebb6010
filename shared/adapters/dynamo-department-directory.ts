import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { Department, DepartmentDirectory } from '../ports/department-directory';
import { batchGetItems } from './batch-get';
import { LISTED } from './table-schemas';

/** Names change a few times a year: each is read by key once per process per five minutes for display. */
const REFRESH_MS = 5 * 60 * 1000;

export function dynamoDepartmentDirectory(
  documents: DynamoDBDocumentClient,
  table: string,
): DepartmentDirectory {
  const cache = new Map<string, { at: number; department: Department | undefined }>();

  const load = async (ids: readonly string[]) => {
    const items = await batchGetItems(
      documents,
      ids.map((departmentId) => ({ table, key: { departmentId } })),
    );
    const found = new Map(items.map((item) => [item.departmentId as string, departmentOf(item)]));
    for (const id of ids) cache.set(id, { at: Date.now(), department: found.get(id) });
  };

  const lookup = async (ids: Iterable<string>) => {
    const wanted = [...new Set(ids)];
    const stale = wanted.filter((id) => {
      const entry = cache.get(id);
      return !entry || Date.now() - entry.at > REFRESH_MS;
    });
    if (stale.length > 0) await load(stale);
    return wanted.map((id) => cache.get(id)?.department).filter((d): d is Department => d !== undefined);
  };

  return {
    async list() {
      // A city has tens of departments: one query of a small index, fresh each time, so a
      // department an administrator just added or deactivated shows at once.
      const departments: Department[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out: QueryCommandOutput = await documents.send(
          new QueryCommand({
            TableName: table,
            IndexName: LISTED.indexName,
            KeyConditionExpression: '#listing = :listing',
            ExpressionAttributeNames: { '#listing': LISTED.partitionKey },
            ExpressionAttributeValues: { ':listing': DEPARTMENT_LISTING },
            ExclusiveStartKey: start,
          }),
        );
        departments.push(...(out.Items ?? []).map(departmentOf));
        start = out.LastEvaluatedKey;
      } while (start);
      return departments;
    },
    async get(departmentId) {
      // Read as it is now: a transfer must not go to a department deactivated a minute ago.
      const out = await documents.send(new GetCommand({ TableName: table, Key: { departmentId } }));
      return out.Item ? departmentOf(out.Item) : undefined;
    },
    async names(departmentIds) {
      return new Map((await lookup(departmentIds)).map((d) => [d.departmentId, d.name]));
    },
  };
}

/** Items written before departments had these attributes are active and take consultations. */
export function departmentOf(item: Record<string, unknown>): Department {
  return {
    departmentId: String(item.departmentId),
    name: String(item.name),
    ...(typeof item.description === 'string' ? { description: item.description } : {}),
    acceptsConsultations: item.acceptsConsultations !== false,
    active: item.active !== false,
  };
}

const DEPARTMENT_LISTING = 'department';

/** A department as stored: with its place in the `listed` index, so the form's list is one Query. */
export function departmentItem(department: Department): Record<string, unknown> {
  return {
    ...department,
    [LISTED.partitionKey]: DEPARTMENT_LISTING,
    [LISTED.sortKey]: department.departmentId,
  };
}
