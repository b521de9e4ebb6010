import autocannon from 'autocannon';
import { round } from './bundle-figures';

/** A load's figures: how many, how fast, how long each took. */
export interface LoadFigure {
  readonly name: string;
  readonly requests: number;
  readonly concurrency: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly failures: number;
}

/** One request of a load: where it goes and what it carries (JSON). */
export interface LoadRequest {
  readonly path: string;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

/**
 * An HTTP load with autocannon: `total` POSTs over `connections` keep-alive connections, each made
 * by `request(i)`, after a warm-up of 50 (JIT, connections, the key ring). `onResponse` sees every
 * answer (a load that creates cases can collect their numbers for the next one).
 */
export async function httpLoad(
  name: string,
  baseUrl: string,
  options: {
    readonly total: number;
    readonly connections: number;
    readonly request: (index: number) => LoadRequest;
    readonly onResponse?: (status: number, body: string) => void;
    readonly warmUp?: boolean;
  },
): Promise<LoadFigure> {
  let index = 0;
  const run = (amount: number, collect: boolean) =>
    autocannon({
      url: baseUrl,
      connections: options.connections,
      amount,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const next = options.request(index);
            index += 1;
            return {
              ...req,
              path: next.path,
              body: JSON.stringify(next.body),
              headers: { ...req.headers, 'content-type': 'application/json', ...next.headers },
            };
          },
          onResponse: (status, body) => {
            if (collect) options.onResponse?.(status, body);
          },
        },
      ],
    });
  if (options.warmUp ?? true) await run(50, false);
  const result = await run(options.total, true);
  return {
    name,
    requests: result.requests.total,
    concurrency: options.connections,
    perSecond: round(result.requests.total / (result.duration || 1)),
    p50Ms: round(result.latency.p50),
    p99Ms: round(result.latency.p99),
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
