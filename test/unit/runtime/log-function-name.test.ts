import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { FUNCTION_SCOPE_HOOK } from '../../../shared/runtime/function-scope';
import { RedactingLogFormatter } from '../../../shared/runtime/redacting-log-formatter';

type Hooked = { [FUNCTION_SCOPE_HOOK]?: () => string | undefined };

/** The JSON lines a logger writes while `work` runs. */
function linesOf(work: () => void): Record<string, unknown>[] {
  const written: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    work();
  } finally {
    process.stdout.write = original;
  }
  return written.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((line) => JSON.parse(line));
}

const context = (functionName: string) =>
  ({ functionName, awsRequestId: `${functionName}-request`, memoryLimitInMB: '256' }) as unknown as Context;

describe('a log line’s function name', () => {
  afterEach(() => {
    delete (globalThis as Hooked)[FUNCTION_SCOPE_HOOK];
  });

  it('is the invocation’s, as on Lambda, where a process serves one function', () => {
    const logger = new Logger({ serviceName: 'civicline', logFormatter: new RedactingLogFormatter() });
    logger.addContext(context('await-case-step'));
    expect(linesOf(() => logger.info('await-case-step done'))[0]?.function_name).toBe('await-case-step');
  });

  it('is the function the line comes from locally, whichever invocation set the shared logger’s context last', () => {
    const logger = new Logger({ serviceName: 'civicline', logFormatter: new RedactingLogFormatter() });
    let running = 'await-case-step';
    (globalThis as Hooked)[FUNCTION_SCOPE_HOOK] = () => running;
    logger.addContext(context('await-case-step'));
    // A concurrent invocation of another function sets its context on the same logger…
    logger.addContext(context('deliver-notifications'));
    // …while await-case-step, still running, logs.
    const [line] = linesOf(() => logger.info('await-case-step done'));
    expect(line?.function_name).toBe('await-case-step');
    running = 'deliver-notifications';
    expect(linesOf(() => logger.info('notice handed on'))[0]?.function_name).toBe('deliver-notifications');
  });
});
