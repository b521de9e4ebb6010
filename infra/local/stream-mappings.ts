import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse } from 'aws-lambda';
import type { StreamMapping } from '../../shared/functions/route-table';
import { readBatchRange, streamEvent } from '../stream-batch-range';
import { lambdaContext } from './lambda-context';
import type { LambdaHandler } from './local-api-server';

/**
 * What Lambda's event source mapping does with a DynamoDB stream, for real, on DynamoDB Local's
 * streams: shards read in order (DescribeStream, GetShardIterator, GetRecords), batches of at most
 * `batchSize`, the function's reported failure retried from that record, a batch whose function
 * throws bisected, `retryAttempts` retries with back-off, then the failure destination (a local
 * queue: GET /local/failures). Checkpoints are kept in the data folder, so a restart goes on where
 * the last run stopped.
 */
export interface LocalStreamMapping {
  readonly functionName: string;
  readonly handler: LambdaHandler;
  readonly mapping: StreamMapping;
  /** The tables (by name) whose streams feed the function. */
  readonly tables: readonly string[];
}

/** What the failure destination receives: where the batch is, never its data (as on AWS). */
export interface StreamFailure {
  readonly functionName: string;
  readonly table: string;
  readonly shardId: string;
  readonly startSequenceNumber: string;
  readonly endSequenceNumber: string;
  readonly batchSize: number;
  readonly error: string;
  readonly at: string;
  redrivenAt?: string;
}

interface ShardState {
  iterator?: string;
  closed: boolean;
  /** When the shard is read next: Lambda polls a shard 4 times a second and gathers for the window. */
  dueAt: number;
}

const POLL_MS = 50;
/** Lambda's base rate: each shard is read at most 4 times a second unless a full batch came back. */
const SHARD_POLL_MS = 250;
const SHARD_LIST_MS = 1000;

export class LocalStreamMappings {
  private readonly checkpoints: Record<string, string>;
  private readonly failures: StreamFailure[];
  private readonly shards = new Map<string, ShardState>();
  private readonly streamArns = new Map<string, string>();
  private readonly shardLists = new Map<string, { shardIds: string[]; at: number }>();
  private running = false;
  private loop: Promise<void> | undefined;
  private rounds = 0;
  private idleRounds = 0;
  /** drained() calls waiting: while any waits, every shard is read every round, window or not. */
  private flushing = 0;

  constructor(
    private readonly dynamo: DynamoDBClient,
    private readonly streams: DynamoDBStreamsClient,
    private readonly mappings: readonly LocalStreamMapping[],
    private readonly options: {
      stateFile?: string;
      log: (line: string) => void;
      /** Each function's timeout, from its synthesized definition. */
      functionTimeoutMs: (functionName: string) => number;
    },
  ) {
    const saved =
      options.stateFile && existsSync(options.stateFile)
        ? (JSON.parse(readFileSync(options.stateFile, 'utf8')) as {
            checkpoints?: Record<string, string>;
            failures?: StreamFailure[];
          })
        : {};
    this.checkpoints = saved.checkpoints ?? {};
    this.failures = saved.failures ?? [];
  }

  start(): void {
    this.running = true;
    this.loop = this.poll();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** The failure destination's contents. */
  listFailures(): readonly StreamFailure[] {
    return this.failures;
  }

  /**
   * Resolves once every record written before the call has been handled: two complete polling
   * rounds that began after the call and found no record on any shard.
   */
  async drained(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const startRound = this.rounds;
    this.flushing += 1;
    try {
      while (Date.now() < deadline) {
        if (this.rounds >= startRound + 3 && this.idleRounds >= 2) return;
        await sleep(POLL_MS / 2);
      }
    } finally {
      this.flushing -= 1;
    }
    throw new Error('the table streams did not drain in time');
  }

  /**
   * Moves a function's checkpoints to the end of its streams without invoking it: after a rebuild
   * of the counters from the cases, what the streams still hold is already counted.
   */
  async skipToEnd(functionName: string): Promise<void> {
    const target = this.mappings.find((m) => m.functionName === functionName);
    if (!target) return;
    for (const table of target.tables) {
      const streamArn = await this.streamArn(table);
      if (!streamArn) continue;
      const described = await this.streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
      for (const shard of described.StreamDescription?.Shards ?? []) {
        if (!shard.ShardId) continue;
        const key = `${functionName}|${streamArn}|${shard.ShardId}`;
        let iterator = await this.iteratorAfterCheckpoint(streamArn, shard.ShardId, this.checkpoints[key]);
        while (iterator) {
          const page = await this.getRecords(iterator, 1000);
          const last = page.Records?.at(-1)?.dynamodb?.SequenceNumber;
          if (last) this.checkpoints[key] = last;
          if ((page.Records ?? []).length === 0) break;
          iterator = page.NextShardIterator;
        }
      }
    }
    this.save();
  }

  /** Sends the failed batches to their functions again (npm run redrive); returns how many went through. */
  async redrive(): Promise<number> {
    let redriven = 0;
    for (const failure of this.failures.filter((f) => !f.redrivenAt)) {
      const target = this.mappings.find((m) => m.functionName === failure.functionName);
      const streamArn = this.streamArns.get(failure.table);
      if (!target || !streamArn) continue;
      const records = await readBatchRange(this.streams, { ...failure, streamArn });
      const result = await this.invoke(target, streamArn, records).catch(() => undefined);
      if (result && (result.batchItemFailures ?? []).length === 0) {
        failure.redrivenAt = new Date().toISOString();
        redriven += 1;
      }
    }
    this.save();
    return redriven;
  }

  private async poll(): Promise<void> {
    while (this.running) {
      let seen = 0;
      try {
        for (const target of this.mappings) {
          for (const table of target.tables) seen += await this.pollTable(target, table);
        }
      } catch (error) {
        this.options.log(`stream polling failed: ${(error as Error).message}`);
        seen = 1;
      }
      this.rounds += 1;
      this.idleRounds = seen === 0 ? this.idleRounds + 1 : 0;
      if (seen === 0) await sleep(POLL_MS);
    }
  }

  private async streamArn(table: string): Promise<string | undefined> {
    let arn = this.streamArns.get(table);
    if (!arn) {
      arn = (await this.dynamo.send(new DescribeTableCommand({ TableName: table }))).Table?.LatestStreamArn;
      if (arn) this.streamArns.set(table, arn);
    }
    return arn;
  }

  private async pollTable(target: LocalStreamMapping, table: string): Promise<number> {
    const streamArn = await this.streamArn(table);
    if (!streamArn) return 0;
    let seen = 0;
    for (const shardId of await this.shardsOf(streamArn)) {
      seen += await this.pollShard(target, table, streamArn, shardId);
    }
    return seen;
  }

  /** The stream's shards, described at most once a second: polling reads records, not the shard list. */
  private async shardsOf(streamArn: string): Promise<readonly string[]> {
    const known = this.shardLists.get(streamArn);
    if (known && Date.now() - known.at < SHARD_LIST_MS) return known.shardIds;
    const shardIds: string[] = [];
    let start: string | undefined;
    do {
      const described = await this.streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
      );
      for (const shard of described.StreamDescription?.Shards ?? [])
        if (shard.ShardId) shardIds.push(shard.ShardId);
      start = described.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    this.shardLists.set(streamArn, { shardIds, at: Date.now() });
    return shardIds;
  }

  private async pollShard(target: LocalStreamMapping, table: string, streamArn: string, shardId: string) {
    const key = `${target.functionName}|${streamArn}|${shardId}`;
    const state = this.shards.get(key) ?? { closed: false, dueAt: 0 };
    this.shards.set(key, state);
    if (state.closed || (this.flushing === 0 && Date.now() < state.dueAt)) return 0;
    state.iterator ??= await this.iteratorAfterCheckpoint(streamArn, shardId, this.checkpoints[key]);
    let out: Awaited<ReturnType<typeof this.getRecords>>;
    try {
      out = await this.getRecords(state.iterator, target.mapping.batchSize);
    } catch (error) {
      if (error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException) {
        state.iterator = undefined;
        return 0;
      }
      throw error;
    }
    const records = out.Records ?? [];
    const { batchSize, batchingWindowSeconds } = target.mapping;
    // A full batch is followed at once; after a partial one the next batch gathers for the window.
    state.dueAt =
      records.length >= batchSize
        ? 0
        : Date.now() +
          (records.length > 0 ? Math.max(SHARD_POLL_MS, batchingWindowSeconds * 1000) : SHARD_POLL_MS);
    if (records.length > 0) await this.deliver(target, table, streamArn, shardId, key, records);
    if (out.NextShardIterator) state.iterator = out.NextShardIterator;
    else state.closed = true;
    return records.length;
  }

  private getRecords(iterator: string | undefined, limit: number) {
    return this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: limit }));
  }

  private async iteratorAfterCheckpoint(streamArn: string, shardId: string, checkpoint: string | undefined) {
    const out = await this.streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(checkpoint
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: checkpoint }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return out.ShardIterator;
  }

  /** One batch, as the event source mapping handles it; the checkpoint moves past what is done. */
  private async deliver(
    target: LocalStreamMapping,
    table: string,
    streamArn: string,
    shardId: string,
    key: string,
    batch: readonly StreamRecord[],
  ): Promise<void> {
    const done = (through: StreamRecord | undefined) => {
      const sequence = through?.dynamodb?.SequenceNumber;
      if (sequence) this.checkpoints[key] = sequence;
      this.save();
    };
    const handle = async (records: readonly StreamRecord[]): Promise<void> => {
      let pending = records;
      for (let attempt = 0; pending.length > 0; attempt += 1) {
        let failedAt: number;
        let error: string;
        try {
          const result = await this.invoke(target, streamArn, pending);
          const first = result?.batchItemFailures?.[0]?.itemIdentifier;
          if (first === undefined) return done(pending.at(-1));
          failedAt = Math.max(
            0,
            pending.findIndex((r) => r.dynamodb?.SequenceNumber === first),
          );
          error = `record ${first} reported as failed`;
        } catch (thrown) {
          // A function error: bisect the batch, as BisectBatchOnFunctionError does.
          if (pending.length > 1) {
            const half = Math.ceil(pending.length / 2);
            await handle(pending.slice(0, half));
            await handle(pending.slice(half));
            return;
          }
          failedAt = 0;
          error = (thrown as Error).message;
        }
        done(pending[failedAt - 1]);
        pending = pending.slice(failedAt);
        if (attempt >= target.mapping.retryAttempts) {
          this.fail(target, table, shardId, pending, error);
          return done(pending.at(-1));
        }
        await sleep(Math.min(1000, 20 * 2 ** attempt));
      }
    };
    await handle(batch);
  }

  private fail(
    target: LocalStreamMapping,
    table: string,
    shardId: string,
    records: readonly StreamRecord[],
    error: string,
  ) {
    this.failures.push({
      functionName: target.functionName,
      table,
      shardId,
      startSequenceNumber: records[0]?.dynamodb?.SequenceNumber ?? '',
      endSequenceNumber: records.at(-1)?.dynamodb?.SequenceNumber ?? '',
      batchSize: records.length,
      error,
      at: new Date().toISOString(),
    });
    this.options.log(
      `${target.functionName}: ${records.length} stream records sent to the failure destination`,
    );
  }

  private async invoke(
    target: LocalStreamMapping,
    streamArn: string,
    records: readonly StreamRecord[],
  ): Promise<DynamoDBBatchResponse | undefined> {
    const event = streamEvent(streamArn, records);
    return (await target.handler(
      event,
      lambdaContext(target.functionName, this.options.functionTimeoutMs(target.functionName)),
    )) as DynamoDBBatchResponse | undefined;
  }

  private save(): void {
    const file = this.options.stateFile;
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ checkpoints: this.checkpoints, failures: this.failures }));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
