import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { DeleteMessageCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { readBatchRange, type StreamBatchRange, streamEvent } from './stream-batch-range';

/**
 * What Lambda puts on a stream mapping's failure queue when a batch ran out of retries (its
 * "on-failure" record): the function and where the batch lies in the stream.
 */
interface OnFailureRecord {
  readonly requestContext: { readonly functionArn: string; readonly condition?: string };
  readonly DDBStreamBatchInfo: StreamBatchRange;
}

export interface RedriveOutcome {
  readonly redriven: number;
  /** Left on the queue (the function still fails, or the records left the stream's 24 hours). */
  readonly kept: readonly string[];
}

/**
 * `npm run redrive -- --queue-url …` against the cloud: each failure record on the queue is read
 * back from the stream (`readBatchRange`, the same code the local mapping uses) and sent to its
 * function as Lambda would send it; a batch the function takes whole is deleted from the queue,
 * anything else stays for the next run. It does not use SQS's own DLQ redrive, which moves
 * messages rather than re-invoking, and which the China regions do not offer.
 */
export async function redriveFailureQueue(
  clients: {
    readonly sqs: SQSClient;
    readonly streams: DynamoDBStreamsClient;
    readonly lambda: LambdaClient;
  },
  queueUrl: string,
  log: (line: string) => void,
): Promise<RedriveOutcome> {
  let redriven = 0;
  const kept: string[] = [];
  const seen = new Set<string>();
  for (;;) {
    const { Messages = [] } = await clients.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        // Long enough to read the batch back and run the function; a kept one reappears after it.
        VisibilityTimeout: 300,
      }),
    );
    const fresh = Messages.filter((m) => m.MessageId && !seen.has(m.MessageId));
    if (fresh.length === 0) return { redriven, kept };
    for (const message of fresh) {
      seen.add(message.MessageId as string);
      const failure = JSON.parse(message.Body ?? '{}') as OnFailureRecord;
      const range = failure.DDBStreamBatchInfo;
      const what = `${failure.requestContext?.functionArn} ${range?.shardId} ${range?.startSequenceNumber}…${range?.endSequenceNumber}`;
      if (!range || !failure.requestContext?.functionArn) {
        kept.push(`${message.MessageId}: not a stream failure record`);
        continue;
      }
      const records = await readBatchRange(clients.streams, range);
      if (records.length === 0) {
        kept.push(`${what}: no longer in the stream (older than 24 hours: npm run stats:rebuild)`);
        continue;
      }
      const answer = await clients.lambda.send(
        new InvokeCommand({
          FunctionName: failure.requestContext.functionArn,
          Payload: Buffer.from(JSON.stringify(streamEvent(range.streamArn, records))),
        }),
      );
      const payload = answer.Payload
        ? JSON.parse(Buffer.from(answer.Payload).toString('utf8') || 'null')
        : null;
      const partial = (payload as { batchItemFailures?: unknown[] } | null)?.batchItemFailures ?? [];
      if (answer.FunctionError || partial.length > 0) {
        kept.push(`${what}: ${answer.FunctionError ?? `${partial.length} record(s) failed again`}`);
        continue;
      }
      await clients.sqs.send(
        new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }),
      );
      redriven += 1;
      log(`redriven: ${what} (${records.length} records)`);
    }
  }
}
