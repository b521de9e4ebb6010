import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../infra/project-paths';

export interface ServerProcess {
  readonly url: string;
  readonly dynamoDbEndpoint: string;
  output(): string;
  /** Sends the signal (Ctrl-C is SIGINT) and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /**
   * SIGKILL to the server and everything it started (DynamoDB Local): a machine losing power, as
   * far as this process tree can tell. Only for a server started in its own process group.
   */
  crash(): Promise<void>;
}

const TSX_CLI = join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** Runs `npm start`'s entry point as its own process, as a developer would, and waits for its banner. */
export function startServerProcess(
  env: Record<string, string>,
  options: { ownProcessGroup?: boolean } = {},
): Promise<ServerProcess> {
  const child = spawnStart(env, options.ownProcessGroup === true);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      const url = /CivicLine is running at (http:\/\/\S+)/.exec(output)?.[1];
      const dynamo = /DynamoDB Local (http:\/\/\S+)/.exec(output)?.[1];
      if (url && dynamo) {
        resolve({
          url,
          dynamoDbEndpoint: dynamo,
          output: () => output,
          async stop(signal = 'SIGINT') {
            if (child.exitCode === null) child.kill(signal);
            return exited;
          },
          async crash() {
            if (!options.ownProcessGroup || child.pid === undefined)
              throw new Error('crash() needs a server in its own process group');
            process.kill(-child.pid, 'SIGKILL');
            await exited;
          },
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    exited.then((code) => reject(new Error(`server exited with ${code} before starting:\n${output}`)));
  });
}

/** Runs the entry point to completion (for start-up failures) and returns its exit code and output. */
export function runStartToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawnStart(env);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

function spawnStart(env: Record<string, string>, ownProcessGroup = false): ChildProcess {
  return spawn(process.execPath, [TSX_CLI, join(PROJECT_ROOT, 'infra', 'local', 'start.ts')], {
    cwd: PROJECT_ROOT,
    detached: ownProcessGroup,
    // Scenario tests submit many letters from one address and phone; the security tests set the
    // real limits themselves.
    env: {
      ...process.env,
      CIVICLINE_SUBMISSIONS_PER_CLIENT_HOUR: '1000000',
      CIVICLINE_SUBMISSIONS_PER_PHONE_DAY: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
