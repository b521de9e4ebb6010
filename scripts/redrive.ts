import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDataDir } from '../infra/project-paths';

/**
 * `npm run redrive`: sends the stream batches that kept failing (the failure destination,
 * GET /local/failures) to their functions again — through the running `npm start`, or through a
 * local stack of its own when none runs. In the cloud the failure destination is the SQS queue
 * `StreamFailures`; see the README for the same step there.
 */
async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dataDir = localDataDir();
  const runningFile = join(dataDir, 'running.json');
  const url = existsSync(runningFile)
    ? (JSON.parse(readFileSync(runningFile, 'utf8')) as { url?: string }).url
    : undefined;
  if (url) {
    const answer = await fetch(`${url}/local/failures/redrive`, { method: 'POST' }).catch(() => undefined);
    if (answer?.ok) {
      console.log(`Redriven: ${((await answer.json()) as { redriven: number }).redriven} batch(es).`);
      return;
    }
  }
  const { startLocalStack } = await import('../infra/local/local-stack');
  const stack = await startLocalStack({ port: 0, dataDir, resumeWorkflows: false });
  try {
    console.log(`Redriven: ${await stack.streams.redrive()} batch(es).`);
  } finally {
    await stack.stop();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
