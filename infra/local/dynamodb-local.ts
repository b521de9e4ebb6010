import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { ensureDynamoDbJar } from './dynamodb-jar';
import { dynamoDbLauncher } from './dynamodb-launcher';
import { LocalStackError } from './local-stack-error';
import { freePort } from './ports';

export interface DynamoDbLocal {
  readonly endpoint: string;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  readonly cacheDir: string;
  /** Folder to keep data in; in memory when absent (tests). */
  readonly dataDir?: string;
  readonly log?: (line: string) => void;
}

/** Credentials DynamoDB Local accepts; with -sharedDb it keeps one database whatever they are. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
export const LOCAL_REGION = 'cn-north-1';

export function assertJavaAvailable(): void {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
  } catch {
    throw new LocalStackError(
      'Java is required to run DynamoDB Local. Install it with: sudo apt-get install -y openjdk-17-jre-headless',
    );
  }
}

/** Starts the real DynamoDB Local jar, listening on 127.0.0.1 only, and waits until it answers. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  assertJavaAvailable();
  const files = await ensureDynamoDbJar(options.cacheDir, options.log);
  const launcher = dynamoDbLauncher(options.cacheDir, files.jar);
  const port = await freePort();
  const storage = options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory'];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const java: ChildProcess = spawn(
    'java',
    [
      // Client VM settings: start-up drops from ~2.5 s to ~1.8 s on two cores.
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      `-Djava.library.path=${files.libraryPath}`,
      '-cp',
      launcher.classPath,
      launcher.main,
      '-port',
      String(port),
      '-sharedDb',
      '-disableTelemetry',
      ...storage,
    ],
    // DynamoDB Local writes a metadata file into its working directory: keep it beside the jar.
    { stdio: ['ignore', 'ignore', 'pipe'], cwd: dirname(files.jar) },
  );
  let stderr = '';
  java.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<void>((resolve) => java.once('exit', () => resolve()));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    await waitUntilReady(client, java, () => stderr);
  } catch (error) {
    java.kill('SIGKILL');
    throw error;
  } finally {
    client.destroy();
  }
  return {
    endpoint,
    async stop() {
      if (java.exitCode === null) {
        java.kill('SIGTERM');
        const timer = setTimeout(() => java.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

async function waitUntilReady(
  client: DynamoDBClient,
  java: ChildProcess,
  stderr: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (java.exitCode !== null)
      throw new LocalStackError(`DynamoDB Local exited: ${stderr().trim().slice(-500)}`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new LocalStackError('DynamoDB Local did not answer within 60 s');
}
