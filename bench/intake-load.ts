import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../infra/local/ports';
import { startServerProcess } from '../test/support/server-process';
import { median, percentile, round } from './bundle-figures';

export interface LoadFigure {
  readonly requests: number;
  readonly concurrency: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly failures: number;
}

/**
 * POST /v1/letters against `npm start`'s server in its own process (so the load generator does
 * not share its event loop), 16 clients each sending one letter after another.
 */
export async function intakeLoad(total = 2000, concurrency = 16): Promise<LoadFigure> {
  const dataDir = mkdtempSync(join(tmpdir(), 'civicline-bench-'));
  const server = await startServerProcess({ PORT: String(await freePort()), CIVICLINE_DATA_DIR: dataDir });
  try {
    const body = JSON.stringify({
      mailbox: 'mayor',
      type: 'complain',
      title: '小区夜间施工噪音扰民',
      content: '幸福小区旁工地每晚11点后仍在施工，噪音严重影响休息，请相关部门协调处理。'.repeat(5),
      citizen: { name: '张三', phone: '13812345678' },
      publicConsent: true,
      channel: 'web',
    });
    const send = () =>
      fetch(`${server.url}/v1/letters`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    for (let i = 0; i < 50; i += 1) await (await send()).arrayBuffer(); // warm-up: JIT, connections, key ring
    const latencies: number[] = [];
    let failures = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < total) {
          next += 1;
          const t = performance.now();
          const response = await send();
          await response.arrayBuffer();
          latencies.push(performance.now() - t);
          if (response.status !== 201) failures += 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      requests: latencies.length,
      concurrency,
      seconds: round(seconds),
      perSecond: round(latencies.length / seconds),
      p50Ms: round(median(latencies)),
      p99Ms: round(percentile(latencies, 99)),
      failures,
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
