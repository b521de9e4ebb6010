import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDataDir } from '../infra/project-paths';
import { runLocalTask } from './local-task';

/**
 * `npm run redrive`: sends the stream batches that kept failing to their functions again.
 *  - locally (the failure destination is GET /local/failures): through the running `npm start`, or
 *    through a local stack of its own when none runs;
 *  - in the cloud: `npm run redrive -- --queue-url <StreamFailuresQueueUrl output>` with the
 *    deployment's credentials and region (AWS_REGION / AWS_PROFILE), reading each failure record
 *    from the SQS queue, the batch back from the table's stream, and invoking the function.
 */
const args = process.argv.slice(2);
const queueUrl = args[args.indexOf('--queue-url') + 1];
if (args.includes('--queue-url')) {
  if (!queueUrl) throw new Error('usage: npm run redrive -- --queue-url <queue URL>');
  const [{ DynamoDBStreamsClient }, { LambdaClient }, { SQSClient }, { redriveFailureQueue }] =
    await Promise.all([
      import('@aws-sdk/client-dynamodb-streams'),
      import('@aws-sdk/client-lambda'),
      import('@aws-sdk/client-sqs'),
      import('../infra/cloud-redrive'),
    ]);
  const outcome = await redriveFailureQueue(
    { sqs: new SQSClient({}), streams: new DynamoDBStreamsClient({}), lambda: new LambdaClient({}) },
    queueUrl,
    (line) => console.log(line),
  );
  console.log(`Redriven: ${outcome.redriven} batch(es); left on the queue: ${outcome.kept.length}.`);
  for (const line of outcome.kept) console.log(`  kept: ${line}`);
  process.exit(outcome.kept.length === 0 ? 0 : 1);
}

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
