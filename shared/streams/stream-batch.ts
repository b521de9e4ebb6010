import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
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
      } catch (error) {
        log.error(`${name}: unreadable record`, { eventID: record.eventID, error: error as Error });
        unreadable = record;
        break;
      }
    }
    let failed = unreadable;
    try {
      await handleAll(items.map(({ item }) => item));
    } catch (error) {
      const handled = error instanceof PartialBatch ? error.handled : 0;
      failed = items[handled]?.record ?? failed;
      log.error(`${name} failed`, { eventID: failed?.eventID, error: error as Error });
    }
    return { batchItemFailures: failed ? [{ itemIdentifier: failed.dynamodb?.SequenceNumber ?? '' }] : [] };
  };
}

/** Items handled one after another; the first that fails stops the batch there. */
export function oneByOne<Item>(handle: (item: Item) => Promise<void>) {
  return async (items: readonly Item[]) => {
    for (const [index, item] of items.entries()) {
      try {
        await handle(item);
      } catch (error) {
        throw new PartialBatch(index, error);
      }
    }
  };
}
