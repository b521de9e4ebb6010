import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { DescribeTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { redriveFailureQueue } from '../../infra/cloud-redrive';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/dynamodb-local';
import { createScratchTable } from '../support/scratch-table';

/**
 * `npm run redrive -- --queue-url …` against the cloud: failure records as Lambda writes them to the
 * SQS failure queue, the batches read back from a real stream (DynamoDB Local's), the functions
 * invoked through the Lambda API. SQS and Lambda are stand-ins speaking their wire protocols (AWS
 * JSON 1.0 for SQS, the REST Invoke for Lambda) — nothing here can reach AWS.
 */
const config = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
let dynamo: DynamoDBClient;
let streams: DynamoDBStreamsClient;
let standIn: Server;
let standInUrl: string;
const queue = new Map<string, { body: string; deleted: boolean; received: boolean }>();
const invoked: { functionName: string; event: DynamoDBStreamEvent }[] = [];

beforeAll(async () => {
  const endpoint = inject('dynamoDbEndpoint');
  dynamo = new DynamoDBClient({ ...config, endpoint });
  streams = new DynamoDBStreamsClient({ ...config, endpoint });
  standIn = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        response.writeHead(status, { 'content-type': 'application/json', ...headers });
        response.end(JSON.stringify(payload));
      };
      if (target === 'AmazonSQS.ReceiveMessage') {
        // Visibility: a message received once stays hidden for the rest of the test.
        const visible = [...queue].filter(([, m]) => !m.deleted && !m.received).slice(0, 10);
        for (const [, m] of visible) m.received = true;
        return reply(200, {
          Messages: visible.map(([id, m]) => ({
            MessageId: id,
            ReceiptHandle: `r-${id}`,
            Body: m.body,
            // The SDK checks every body against its MD5, as SQS sends it.
            MD5OfBody: createHash('md5').update(m.body).digest('hex'),
          })),
        });
      }
      if (target === 'AmazonSQS.DeleteMessage') {
        const { ReceiptHandle } = JSON.parse(body) as { ReceiptHandle: string };
        const message = queue.get(ReceiptHandle.slice(2));
        if (message) message.deleted = true;
        return reply(200, {});
      }
      const invoke = /^\/2015-03-31\/functions\/([^/]+)\/invocations/.exec(request.url ?? '');
      if (invoke) {
        const functionName = decodeURIComponent(invoke[1] as string);
        invoked.push({ functionName, event: JSON.parse(body) as DynamoDBStreamEvent });
        if (functionName.endsWith(':still-failing'))
          return reply(200, { errorMessage: 'still failing' }, { 'x-amz-function-error': 'Unhandled' });
        return reply(200, { batchItemFailures: [] });
      }
      reply(400, { __type: 'UnknownOperation', message: target || request.url });
    });
  });
  await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
  const address = standIn.address();
  standInUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => {
  standIn?.close();
});

/** A table with a stream, three items written, and where they lie in its only shard. */
async function streamWithThreeRecords() {
  const table = `redrive-${Date.now()}`;
  await createScratchTable(dynamo, table, { stream: 'NEW_AND_OLD_IMAGES' });
  for (const id of ['a', 'b', 'c'])
    await dynamo.send(new PutItemCommand({ TableName: table, Item: { id: { S: id } } }));
  const streamArn = (await dynamo.send(new DescribeTableCommand({ TableName: table }))).Table
    ?.LatestStreamArn as string;
  const shardId = (await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription
    ?.Shards?.[0]?.ShardId as string;
  const iterator = (
    await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ShardIteratorType: 'TRIM_HORIZON',
      }),
    )
  ).ShardIterator;
  const records = (await streams.send(new GetRecordsCommand({ ShardIterator: iterator }))).Records ?? [];
  return { streamArn, shardId, sequence: records.map((r) => r.dynamodb?.SequenceNumber as string) };
}

const onFailure = (
  functionArn: string,
  range: { streamArn: string; shardId: string; start: string; end: string; size: number },
) =>
  JSON.stringify({
    requestContext: { requestId: crypto.randomUUID(), functionArn, condition: 'RetryAttemptsExhausted' },
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    version: '1.0',
    timestamp: new Date().toISOString(),
    DDBStreamBatchInfo: {
      shardId: range.shardId,
      startSequenceNumber: range.start,
      endSequenceNumber: range.end,
      batchSize: range.size,
      streamArn: range.streamArn,
    },
  });

describe('npm run redrive against the cloud failure queue', () => {
  it('sends each failed batch, read back from the stream, to its function; deletes what went through, keeps what did not', async () => {
    const { streamArn, shardId, sequence } = await streamWithThreeRecords();
    const fn = 'arn:aws-cn:lambda:cn-north-1:123456789012:function';
    queue.set('m1', {
      body: onFailure(`${fn}:aggregate-statistics`, {
        streamArn,
        shardId,
        start: sequence[0] as string,
        end: sequence[1] as string,
        size: 2,
      }),
      deleted: false,
      received: false,
    });
    queue.set('m2', {
      body: onFailure(`${fn}:still-failing`, {
        streamArn,
        shardId,
        start: sequence[2] as string,
        end: sequence[2] as string,
        size: 1,
      }),
      deleted: false,
      received: false,
    });
    const clients = {
      sqs: new SQSClient({ ...config, endpoint: standInUrl }),
      lambda: new LambdaClient({ ...config, endpoint: standInUrl }),
      streams,
    };
    const outcome = await redriveFailureQueue(
      clients,
      `${standInUrl}/123456789012/stream-failures`,
      () => {},
    );
    expect(outcome.redriven).toBe(1);
    expect(outcome.kept).toHaveLength(1);
    expect(outcome.kept[0]).toMatch(/still-failing.*Unhandled/);
    expect(queue.get('m1')?.deleted).toBe(true);
    expect(queue.get('m2')?.deleted).toBe(false);
    // The first batch exactly as the mapping would have sent it: its two records, in order.
    const first = invoked.find((i) => i.functionName.endsWith(':aggregate-statistics'));
    expect(first?.event.Records.map((r) => r.dynamodb?.Keys?.id?.S)).toEqual(['a', 'b']);
    expect(first?.event.Records.every((r) => r.eventSourceARN === streamArn)).toBe(true);
  });
});
