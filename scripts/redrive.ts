import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDataDir } from '../infra/project-paths';
import { runLocalTask } from './local-task';

/**
 * `npm run redrive`: sends the stream batches that kept failing (the failure destination,
 * GET /local/failures) to their functions again — through the running `npm start`, or through a
 * local stack of its own when none runs.
 */
const runningFile = join(localDataDir(), 'running.json');
const url = existsSync(runningFile)
  ? (JSON.parse(readFileSync(runningFile, 'utf8')) as { url?: string }).url
  : undefined;
const answer = url
  ? await fetch(`${url}/local/failures/redrive`, { method: 'POST' }).catch(() => undefined)
  : undefined;
if (answer?.ok) {
  console.log(`Redriven: ${((await answer.json()) as { redriven: number }).redriven} batch(es).`);
} else {
  runLocalTask(async (stack) => `Redriven: ${await stack.streams.redrive()} batch(es).`);
}
