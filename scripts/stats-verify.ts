import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDataDir } from '../infra/project-paths';

/**
 * `npm run stats:verify`: recounts every figure from the cases and compares it with the counters.
 * Uses the running `npm start` if there is one, otherwise opens the local data itself. Exits 1
 * on any difference.
 */
async function main(): Promise<void> {
  const dataDir = localDataDir();
  const running = runningServer(dataDir);
  let stop = async () => {};
  let url = running?.url;
  if (!url) {
    const { startLocalStack } = await import('../infra/local/local-stack');
    const stack = await startLocalStack({ port: 0, dataDir, resumeWorkflows: false });
    url = stack.url;
    stop = () => stack.stop();
  }
  try {
    const response = await fetch(`${url}/local/stats/verify`);
    const check = (await response.json()) as {
      casesCounted: number;
      countersCompared: number;
      differences: {
        scope: string;
        period: string;
        value: string;
        counter: string;
        expected: number;
        stored: number;
      }[];
    };
    console.log(
      `Recounted ${check.casesCounted} case(s); compared ${check.countersCompared} counter value(s).`,
    );
    if (check.differences.length > 0) {
      console.table(check.differences);
      console.error(
        `${check.differences.length} difference(s) between the counters and a recount of the cases.`,
      );
      process.exitCode = 1;
    } else {
      console.log('Every counter equals the recount.');
    }
  } finally {
    await stop();
  }
  process.exit(process.exitCode ?? 0);
}

function runningServer(dataDir: string): { url: string } | undefined {
  const file = join(dataDir, 'running.json');
  if (!existsSync(file)) return undefined;
  const running = JSON.parse(readFileSync(file, 'utf8')) as { url: string; pid: number };
  try {
    process.kill(running.pid, 0);
    return running;
  } catch {
    return undefined;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
