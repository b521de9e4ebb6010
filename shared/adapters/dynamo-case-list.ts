import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CaseKind } from '../domain/case-kinds';
import type { CaseListFilter, CaseListPage, ListPosition } from '../ports/case-store';
import { batchGetItems } from './batch-get';
import { type CaseItem, fromCaseItem } from './case-item';
import { CASE_INDEXES } from './table-schemas';

/** Pages read per kind and call at most, so a rare filter cannot make one request scan a table. */
const MAX_PAGES_PER_KIND = 5;

interface IndexChoice {
  readonly indexName: string;
  readonly partitionKey: string;
  readonly value: string;
  /** What the index is sorted by, and so what the merged page is ordered by. */
  readonly sortKey: 'createdAt' | 'publishedAt';
}

/**
 * Lists cases across the kind tables newest (or oldest) first: one query per kind on the narrowest
 * index, merged by creation time, then the page's cases read whole from their tables (the indexes
 * carry only what lists filter on). Each kind resumes after the last case it contributed, so nothing
 * is skipped or repeated between pages.
 */
export async function listCases(
  documents: DynamoDBDocumentClient,
  tables: Readonly<Record<CaseKind, string>>,
  filter: CaseListFilter,
  limit: number,
  position: ListPosition = {},
): Promise<CaseListPage> {
  const index = chooseIndex(filter);
  const fetched = await Promise.all(
    filter.kinds
      .filter((kind) => position[kind] !== null)
      .map(async (kind) => ({
        kind,
        ...(await queryKind(
          documents,
          tables[kind],
          kind,
          index,
          filter,
          limit,
          position[kind] ?? undefined,
        )),
      })),
  );
  const direction = filter.oldestFirst ? -1 : 1;
  const merged = fetched
    .flatMap(({ items }) => items)
    .sort(
      (a, b) =>
        direction *
        (a.createdAt === b.createdAt
          ? b.caseId.localeCompare(a.caseId)
          : b.createdAt.localeCompare(a.createdAt)),
    )
    .slice(0, limit);
  const emitted = new Set(merged.map((item) => item.caseId));
  const next: ListPosition = { ...position };
  for (const { kind, items, lastKey } of fetched) {
    const mine = items.filter((item) => emitted.has(item.caseId));
    if (mine.length === items.length) next[kind] = lastKey ?? null;
    else if (mine.length > 0) next[kind] = keyOf(mine[mine.length - 1] as CaseItem, index);
  }
  const more = filter.kinds.some((kind) => next[kind] !== null);
  const kindOf = new Map(
    fetched.flatMap(({ kind, items }) => items.map((item) => [item.caseId, kind] as const)),
  );
  const whole = await readWholeCases(
    documents,
    tables,
    merged.map((item) => ({ caseId: item.caseId, kind: kindOf.get(item.caseId) as CaseKind })),
  );
  return {
    cases: merged.flatMap((item) => {
      const found = whole.get(item.caseId);
      return found ? [fromCaseItem(found)] : [];
    }),
    ...(more ? { next } : {}),
  };
}

/** The listed cases, whole, by case number. */
async function readWholeCases(
  documents: DynamoDBDocumentClient,
  tables: Readonly<Record<CaseKind, string>>,
  keys: readonly { caseId: string; kind: CaseKind }[],
): Promise<Map<string, Record<string, unknown>>> {
  const items = await batchGetItems(
    documents,
    keys.map(({ caseId, kind }) => ({ table: tables[kind], key: { caseId } })),
  );
  return new Map(items.map((item) => [item.caseId as string, item]));
}

function chooseIndex(filter: CaseListFilter): IndexChoice {
  const by = (index: (typeof CASE_INDEXES)[keyof typeof CASE_INDEXES], value: string): IndexChoice => ({
    ...index,
    value,
  });
  if (filter.published) return by(CASE_INDEXES.byPublication, 'published');
  if (filter.departmentId) return by(CASE_INDEXES.byDepartment, filter.departmentId);
  if (filter.overdue) return by(CASE_INDEXES.byOverdue, 'overdue');
  if (filter.status) return by(CASE_INDEXES.byStatus, filter.status);
  return by(CASE_INDEXES.byKind, '');
}

async function queryKind(
  documents: DynamoDBDocumentClient,
  table: string,
  kind: CaseKind,
  index: IndexChoice,
  filter: CaseListFilter,
  limit: number,
  start: Record<string, unknown> | undefined,
): Promise<{ items: CaseItem[]; lastKey?: Record<string, unknown> }> {
  const names: Record<string, string> = { '#pk': index.partitionKey };
  const values: Record<string, unknown> = { ':pk': index.partitionKey === 'kind' ? kind : index.value };
  const byCreation = index.sortKey === 'createdAt';
  const range = !byCreation
    ? ''
    : filter.createdFrom && filter.createdTo
      ? ' AND #created BETWEEN :from AND :to'
      : filter.createdFrom
        ? ' AND #created >= :from'
        : filter.createdTo
          ? ' AND #created <= :to'
          : '';
  if (range) names['#created'] = 'createdAt';
  if (range && filter.createdFrom) values[':from'] = filter.createdFrom;
  if (range && filter.createdTo) values[':to'] = filter.createdTo;
  const conditions: string[] = [];
  const also = (attribute: string, value: unknown) => {
    names[`#${attribute}`] = attribute;
    values[`:${attribute}`] = value;
    conditions.push(`#${attribute} = :${attribute}`);
  };
  if (filter.status && index.partitionKey !== 'status') also('status', filter.status);
  if (filter.type) also('type', filter.type);
  if (filter.channel) also('channel', filter.channel);
  if (filter.answerBackDue) {
    names['#answerBackBy'] = 'answerBackBy';
    values[':answerBackDue'] = filter.answerBackDue;
    conditions.push('#answerBackBy <= :answerBackDue');
  }
  // On an index sorted by another date (publication), the creation range filters instead.
  if (!byCreation && (filter.createdFrom || filter.createdTo)) {
    names['#created'] = 'createdAt';
    if (filter.createdFrom) {
      values[':from'] = filter.createdFrom;
      conditions.push('#created >= :from');
    }
    if (filter.createdTo) {
      values[':to'] = filter.createdTo;
      conditions.push('#created <= :to');
    }
  }
  if (filter.returned) {
    names['#returnCount'] = 'returnCount';
    values[':noReturn'] = 0;
    conditions.push('#returnCount > :noReturn');
  }
  if (filter.extensionPending) {
    names['#extension'] = 'extension';
    names['#decision'] = 'decision';
    conditions.push('attribute_exists(#extension) AND attribute_not_exists(#extension.#decision)');
  }
  if (filter.overdue === false) {
    names['#overdueFlag'] = 'overdueFlag';
    conditions.push('attribute_not_exists(#overdueFlag)');
  }
  const items: CaseItem[] = [];
  let lastKey = start;
  for (let page = 0; page < MAX_PAGES_PER_KIND && items.length < limit; page += 1) {
    const out = await documents.send(
      new QueryCommand({
        TableName: table,
        IndexName: index.indexName,
        KeyConditionExpression: `#pk = :pk${range}`,
        ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND ') } : {}),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: filter.oldestFirst === true,
        Limit: limit,
        ...(lastKey ? { ExclusiveStartKey: lastKey } : {}),
      }),
    );
    items.push(...((out.Items ?? []) as CaseItem[]));
    lastKey = out.LastEvaluatedKey;
    if (!lastKey) break;
  }
  return { items, ...(lastKey ? { lastKey } : {}) };
}

function keyOf(item: CaseItem, index: IndexChoice): Record<string, unknown> {
  const attributes = item as unknown as Record<string, unknown>;
  return {
    caseId: item.caseId,
    [index.sortKey]: attributes[index.sortKey],
    [index.partitionKey]: attributes[index.partitionKey],
  };
}
