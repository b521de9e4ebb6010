/**
 * Fault injection for the local stack (`CIVICLINE_FAULTS`), e.g.
 * `dynamodb:throttle=0.2,dynamodb:conflict=0.05,sfn:unavailable=0.1,sns:unavailable=1`: that share
 * of each service's calls fails with the error the service itself sends. The middleware sits
 * inside the SDK's retry loop, so the SDK's own retries see the faults as they would on AWS.
 * Clients get it only when `CIVICLINE_FAULTS` is set (even empty) when they are created; on
 * Lambda it is never set.
 */
export const FAULT_SERVICES = ['dynamodb', 'sfn', 'sns'] as const;
export type FaultService = (typeof FAULT_SERVICES)[number];
const FAULT_KINDS = ['throttle', 'conflict', 'unavailable'] as const;
type FaultKind = (typeof FAULT_KINDS)[number];

export type FaultPlan = ReadonlyMap<`${FaultService}:${FaultKind}`, number>;

export function parseFaults(spec: string): FaultPlan {
  const plan = new Map<`${FaultService}:${FaultKind}`, number>();
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^(\w+):(\w+)=(0(?:\.\d+)?|1(?:\.0+)?)$/.exec(part);
    const [, service, kind, share] = match ?? [];
    if (
      !match ||
      !FAULT_SERVICES.includes(service as FaultService) ||
      !FAULT_KINDS.includes(kind as FaultKind) ||
      (kind === 'conflict' && service !== 'dynamodb')
    ) {
      throw new Error(
        `CIVICLINE_FAULTS: cannot read "${part}" (service:fault=share, service one of ${FAULT_SERVICES.join('/')}, fault one of ${FAULT_KINDS.join('/')}, conflict for dynamodb only, share 0…1)`,
      );
    }
    plan.set(`${service as FaultService}:${kind as FaultKind}`, Number(share));
  }
  return plan;
}

let plan: FaultPlan = parseFaults(process.env.CIVICLINE_FAULTS ?? '');

/** Changes the faults of every injected client from now on (tests; the soak's phases). */
export function injectFaults(spec: string): void {
  plan = parseFaults(spec);
}

/** How many calls failed by injection, per service and fault, since the process started. */
export const INJECTED = new Map<string, number>();

/** Adds the injection to a client's middleware, if the process runs with CIVICLINE_FAULTS. */
interface WithMiddleware {
  // The SDK's MiddlewareStack, as far as this needs it (its own types live in a transitive package).
  readonly middlewareStack: { addRelativeTo(middleware: never, options: object): void };
}

export function withFaultInjection<Client extends WithMiddleware>(
  client: Client,
  service: FaultService,
): Client {
  if (process.env.CIVICLINE_FAULTS === undefined) return client;
  const middleware =
    (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
    async (args: unknown) => {
      const fault = chooseFault(service, context.commandName ?? '', args);
      if (fault) {
        INJECTED.set(`${service}:${fault.kind}`, (INJECTED.get(`${service}:${fault.kind}`) ?? 0) + 1);
        throw fault.error;
      }
      return next(args);
    };
  client.middlewareStack.addRelativeTo(middleware as never, {
    relation: 'after',
    toMiddleware: 'retryMiddleware',
    name: 'civiclineFaultInjection',
    override: true,
  });
  return client;
}

function chooseFault(service: FaultService, command: string, args: unknown) {
  for (const kind of FAULT_KINDS) {
    const share = plan.get(`${service}:${kind}`) ?? 0;
    if (share === 0 || Math.random() >= share) continue;
    if (kind === 'conflict' && !command.startsWith('TransactWrite')) continue;
    return { kind, error: serviceError(service, kind, args) };
  }
  return undefined;
}

/** The error a service sends for the fault, as the SDK deserializes it (name, status, fault side). */
function serviceError(service: FaultService, kind: FaultKind, args: unknown): Error {
  const shape = (name: string, status: number, message: string, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error(message), {
      name,
      $fault: status >= 500 ? 'server' : 'client',
      $metadata: { httpStatusCode: status, attempts: 1, totalRetryDelay: 0 },
      ...extra,
    });
  if (kind === 'conflict') {
    const items = (args as { input?: { TransactItems?: unknown[] } }).input?.TransactItems ?? [];
    return shape(
      'TransactionCanceledException',
      400,
      'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]',
      { CancellationReasons: items.map((_, i) => ({ Code: i === 0 ? 'TransactionConflict' : 'None' })) },
    );
  }
  if (kind === 'throttle') {
    const name =
      service === 'dynamodb'
        ? 'ProvisionedThroughputExceededException'
        : service === 'sns'
          ? 'ThrottledException'
          : 'ThrottlingException';
    return shape(name, 400, 'Rate exceeded', { $retryable: { throttling: true } });
  }
  const name =
    service === 'dynamodb'
      ? 'InternalServerError'
      : service === 'sns'
        ? 'InternalErrorException'
        : 'ServiceUnavailable';
  return shape(name, service === 'sfn' ? 503 : 500, 'Service unavailable');
}
