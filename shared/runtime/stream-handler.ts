import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { streamBatchHandler } from '../streams/stream-batch';
import { beginInvocation } from './invocation';
import { logger } from './logger';

/**
 * A Lambda fed by a table's stream (route-table.ts STREAM_FUNCTIONS): the batch semantics of
 * stream-batch.ts, with the invocation's context on every log line (function name, request id;
 * the correlation id comes from each record).
 */
export function streamHandler<Item>(
  name: string,
  read: (record: DynamoDBRecord) => Item | undefined,
  handleAll: (items: readonly Item[]) => Promise<void>,
) {
  const handle = streamBatchHandler(name, logger, read, handleAll);
  return (event: DynamoDBStreamEvent, context?: Context) => {
    beginInvocation();
    logger.addContext(context ?? ({} as Context));
    return handle(event);
  };
}
