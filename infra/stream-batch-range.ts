import {
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamEvent } from 'aws-lambda';

/**
 * A failed batch as an event source mapping's failure destination describes it: where it is in
 * the stream, never its data (Lambda's `DDBStreamBatchInfo`). The local mapping and `npm run
 * redrive` against the cloud both read a batch back from it, with this one module.
 */
export interface StreamBatchRange {
  readonly streamArn: string;
  readonly shardId: string;
  readonly startSequenceNumber: string;
  readonly endSequenceNumber: string;
  readonly batchSize: number;
}

/** The batch's records, read again from the stream (within its 24-hour retention). */
export async function readBatchRange(
  streams: DynamoDBStreamsClient,
  range: StreamBatchRange,
): Promise<StreamRecord[]> {
  const out = await streams.send(
    new GetShardIteratorCommand({
      StreamArn: range.streamArn,
      ShardId: range.shardId,
      ShardIteratorType: 'AT_SEQUENCE_NUMBER',
      SequenceNumber: range.startSequenceNumber,
    }),
  );
  const end = BigInt(range.endSequenceNumber);
  const records: StreamRecord[] = [];
  let iterator = out.ShardIterator;
  while (iterator && records.length < range.batchSize) {
    const page = await streams.send(
      new GetRecordsCommand({ ShardIterator: iterator, Limit: range.batchSize - records.length }),
    );
    const within = (page.Records ?? []).filter((r) => BigInt(r.dynamodb?.SequenceNumber ?? '0') <= end);
    records.push(...within);
    if (within.length < (page.Records ?? []).length || (page.Records ?? []).length === 0) break;
    iterator = page.NextShardIterator;
  }
  return records;
}

/** The event Lambda gives a function for stream records (dates in epoch seconds, the stream's ARN). */
export function streamEvent(streamArn: string, records: readonly StreamRecord[]): DynamoDBStreamEvent {
  return {
    Records: records.map((record) => ({
      eventID: record.eventID,
      eventName: record.eventName,
      eventVersion: record.eventVersion,
      eventSource: 'aws:dynamodb',
      awsRegion: record.awsRegion,
      eventSourceARN: streamArn,
      dynamodb: {
        ...(record.dynamodb as NonNullable<DynamoDBStreamEvent['Records'][number]['dynamodb']>),
        ApproximateCreationDateTime: record.dynamodb?.ApproximateCreationDateTime
          ? Math.floor(record.dynamodb.ApproximateCreationDateTime.getTime() / 1000)
          : undefined,
      },
    })) as DynamoDBStreamEvent['Records'],
  };
}
