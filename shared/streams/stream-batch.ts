import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { withCorrelationId } from '../observability/correlation';
import type { Log } from '../ports/log';
import { PartialBatch } from '../ports/partial-batch';

/**
 * A function fed by a table's stream through an event source mapping with ReportBatchItemFailures:
 * the records are read in order and handled together; the first record not handled (unreadable,
 * or failed) is reported, so the mapping retries the batch from it (bisecting on repeated failure,
 * and at last handing it to the failure destination) and nothing after it runs ahead of it.
 */
export function streamBatchHandler<Item>(
  name: string,
  log: Log,
  read: (record: DynamoDBRecord) => Item | undefined,
  handleAll: (items: readonly Item[]) => Promise<void>,
) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const items: { item: Item; record: DynamoDBRecord }[] = [];
    let unreadable: DynamoDBRecord | undefined;
    for (const record of event.Records) {
      try {
        const item = read(record);
        if (item !== undefined) items.push({ item, record });
        const correlation = correlationOfRecord(record);
        if (typeof item === 'object' && item !== null && correlation) correlations.set(item, correlation);
      } catch (error) {
        log.error(`${name}: unreadable record`, { eventID: record.eventID, error: error as Error });
        unreadable = record;
        break;
      }
    }
    let failed = unreadable;
    // A batch of one change's records runs under its id; one of several changes under an id of its own.
    const batchCorrelations = new Set(items.map(({ record }) => correlationOfRecord(record)));
    const [onlyCorrelation] = batchCorrelations.size === 1 ? batchCorrelations : [undefined];
    await withCorrelationId(onlyCorrelation, async () => {
      // The batch's own id leads to the changes it holds.
      const ids = [...batchCorrelations].filter((id): id is string => id !== undefined);
      if (batchCorrelations.size > 1)
        log.info(`${name}: a batch of several changes`, { correlationIds: ids });
      try {
        await handleAll(items.map(({ item }) => item));
      } catch (error) {
        const handled = error instanceof PartialBatch ? error.handled : 0;
        failed = items[handled]?.record ?? failed;
        log.error(`${name} failed`, {
          eventID: failed?.eventID,
          failedCorrelationId: failed ? correlationOfRecord(failed) : undefined,
          error: error as Error,
        });
      }
    });
    return { batchItemFailures: failed ? [{ itemIdentifier: failed.dynamodb?.SequenceNumber ?? '' }] : [] };
  };
}

/** The id of the change that wrote the record's item (correlation.ts), if it carries one. */
function correlationOfRecord(record: DynamoDBRecord): string | undefined {
  return record.dynamodb?.NewImage?.correlationId?.S;
}

/** Which change each item read from a record came from, for oneByOne to log each under its own. */
const correlations = new WeakMap<object, string>();

/** Items handled one after another, each under its change's id; the first that fails stops the batch there. */
export function oneByOne<Item>(handle: (item: Item) => Promise<void>) {
  return inGroups<Item>(
    (items) => items.map((_, index) => [index]),
    ([item]) => handle(item as Item),
  );
}

/**
 * Items handled in groups (`groupsOf` gives each group's item indexes, ascending; groups in the
 * order of their first item), one group after another, each under the id of its last item's
 * change. A group that fails stops the batch at its first item, so the retry sees the whole group
 * again and nothing that comes after it runs ahead.
 */
export function inGroups<Item>(
  groupsOf: (items: readonly Item[]) => readonly (readonly number[])[],
  handle: (group: readonly Item[]) => Promise<void>,
) {
  return async (items: readonly Item[]) => {
    for (const indexes of groupsOf(items)) {
      const group = indexes.map((index) => items[index] as Item);
      const last = group.at(-1);
      try {
        const correlation = typeof last === 'object' && last !== null ? correlations.get(last) : undefined;
        await (correlation ? withCorrelationId(correlation, () => handle(group)) : handle(group));
      } catch (error) {
        throw new PartialBatch(indexes[0] ?? 0, error);
      }
    }
  };
}
