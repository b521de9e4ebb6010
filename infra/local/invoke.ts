import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ALL_FUNCTIONS } from '../../shared/functions/route-table';
import { localDataDir } from '../project-paths';
import { startLocalStack } from './local-stack';
import { LocalStackError } from './local-stack-error';

/**
 * `npm run invoke -- <function> <event.json>`: runs one function once, on the local data (stop
 * `npm start` first: both would open the same database), and prints what it returned.
 */
async function main(): Promise<void> {
  const [functionName, eventFile] = process.argv.slice(2);
  const known = ALL_FUNCTIONS.map((f) => f.functionName);
  if (!functionName || !eventFile || !known.includes(functionName)) {
    throw new LocalStackError(`usage: npm run invoke -- <${known.join('|')}> events/<file>.json`);
  }
  const event = JSON.parse(readFileSync(resolve(eventFile), 'utf8')) as unknown;
  const dataDir = localDataDir();
  const stack = await startLocalStack({ port: 0, dataDir });
  try {
    // As Lambda runs it: its handler with its own environment.
    const result = await stack.invoke(functionName, event);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await stack.stop();
  }
  // SDK keep-alive sockets and the workflow runner's timers would keep a one-shot command alive.
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error instanceof LocalStackError ? error.message : error);
  process.exit(1);
});
