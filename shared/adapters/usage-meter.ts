/**
 * Usage metering for the local stack (`CIVICLINE_METER`, for `npm run cost`): what a run would be
 * billed for, counted where it happens — every SDK command per service, and the read and write
 * request units DynamoDB reports as consumed (each command asks for `ReturnConsumedCapacity`, per index).
 * Clients get it only when the variable is set when they are created; on Lambda it never is.
 */
export interface Usage {
  /** `service:Command` → calls (retries included: each attempt is billed). */
  readonly commands: Map<string, number>;
  dynamoReadUnits: number;
  dynamoWriteUnits: number;
  /** `read|write:table` → units: where the units go. */
  readonly unitsByTable: Map<string, number>;
}

export const USAGE: Usage = {
  commands: new Map(),
  dynamoReadUnits: 0,
  dynamoWriteUnits: 0,
  unitsByTable: new Map(),
};

export function resetUsage(): void {
  USAGE.commands.clear();
  USAGE.unitsByTable.clear();
  USAGE.dynamoReadUnits = 0;
  USAGE.dynamoWriteUnits = 0;
}

/** The DynamoDB operations that take ReturnConsumedCapacity (document-client names included). */
const CAPACITY_COMMAND = /^(Get|Put|Update|Delete|Query|Scan|BatchGet|BatchWrite|TransactGet|TransactWrite)/;
const READ_COMMAND = /^(Get|Query|Scan|BatchGet|TransactGet)/;

/**
 * DynamoDB bills a transactional write two units per KB of each item (Developer Guide, "Read and
 * write operations"; measured against the service in awslabs/amazon-dynamodb-local-samples#31),
 * and the index copies it makes as it makes any write's: a transaction's changes reach its global
 * secondary indexes after it completes ("Transactions: how it works"), one unit per KB per index
 * (as nubo-db/dynoxide#188 measured against the service). The DynamoDB Local the local stack runs
 * reports both at four units per KB — a small item 4, a 3 KB one 12, each index copy 4 — so
 * the table's part is halved and the indexes' quartered (test/integration/usage-meter.test.ts pins
 * what DynamoDB Local reports, so a version that stops doing it fails there).
 */
const LOCAL_TRANSACT_TABLE_OVERCOUNT = 2;
const LOCAL_TRANSACT_INDEX_OVERCOUNT = 4;

/** What DynamoDB Local reports one table consumed, with its per-index part (asked for with INDEXES). */
export interface ConsumedCapacity {
  readonly TableName?: string;
  readonly CapacityUnits?: number;
  readonly GlobalSecondaryIndexes?: Readonly<Record<string, { readonly CapacityUnits?: number }>>;
}

/** The units DynamoDB would bill for what DynamoDB Local reported as consumed. */
export function billedUnits(command: string, consumed: ConsumedCapacity): number {
  const reported = consumed.CapacityUnits ?? 0;
  if (!command.startsWith('TransactWrite')) return reported;
  const indexes = Object.values(consumed.GlobalSecondaryIndexes ?? {}).reduce(
    (sum, index) => sum + (index.CapacityUnits ?? 0),
    0,
  );
  return (reported - indexes) / LOCAL_TRANSACT_TABLE_OVERCOUNT + indexes / LOCAL_TRANSACT_INDEX_OVERCOUNT;
}

interface WithMiddleware {
  readonly middlewareStack: { add(middleware: never, options: object): void };
}

export function withUsageMetering<Client extends WithMiddleware>(client: Client, service: string): Client {
  if (process.env.CIVICLINE_METER === undefined) return client;
  const middleware =
    (
      next: (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>,
      context: { commandName?: string },
    ) =>
    async (args: { input: Record<string, unknown> }) => {
      const command = (context.commandName ?? 'Unknown').replace(/Command$/, '');
      const key = `${service}:${command}`;
      USAGE.commands.set(key, (USAGE.commands.get(key) ?? 0) + 1);
      const metered = service === 'dynamodb' && CAPACITY_COMMAND.test(command);
      if (metered) args.input.ReturnConsumedCapacity ??= 'INDEXES';
      const result = await next(args);
      if (metered) {
        const reads = READ_COMMAND.test(command);
        for (const consumed of [result.output.ConsumedCapacity ?? []].flat() as ConsumedCapacity[]) {
          const units = billedUnits(command, consumed);
          if (reads) USAGE.dynamoReadUnits += units;
          else USAGE.dynamoWriteUnits += units;
          const key = `${reads ? 'read' : 'write'}:${consumed.TableName ?? '?'}`;
          USAGE.unitsByTable.set(key, (USAGE.unitsByTable.get(key) ?? 0) + units);
        }
      }
      return result;
    };
  client.middlewareStack.add(middleware as never, {
    step: 'initialize',
    name: 'civiclineUsageMeter',
    override: true,
  });
  return client;
}
