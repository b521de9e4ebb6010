import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDynamoDbJar } from '../../infra/local/dynamodb-jar';
import { dynamoDbLauncher } from '../../infra/local/dynamodb-launcher';
import { CACHE_DIR } from '../../infra/project-paths';

const path = process.env.PATH;
/** A JDK; a machine with a JRE alone (the README's minimum) runs the second case only. */
const hasJavac = (() => {
  try {
    execFileSync('javac', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

afterEach(() => {
  process.env.PATH = path;
});

describe('the class that starts DynamoDB Local on loopback', () => {
  it.skipIf(!hasJavac)(
    'is compiled once into the cache where javac exists, and found there next time',
    async () => {
      const { jar } = await ensureDynamoDbJar(CACHE_DIR);
      const cache = mkdtempSync(join(tmpdir(), 'civicline-launcher-'));
      const first = dynamoDbLauncher(cache, jar);
      expect(first.main).toBe('LoopbackDynamoDbLocal');
      const classes = first.classPath.split(':').at(-1) as string;
      expect(existsSync(join(classes, 'LoopbackDynamoDbLocal.class'))).toBe(true);
      // No compiler needed the second time.
      process.env.PATH = '/nonexistent';
      expect(dynamoDbLauncher(cache, jar)).toEqual(first);
    },
  );

  it('is the source file, run by Java’s source-file launcher, where there is no javac (a JRE alone)', async () => {
    const { jar } = await ensureDynamoDbJar(CACHE_DIR);
    process.env.PATH = '/nonexistent';
    const launcher = dynamoDbLauncher(mkdtempSync(join(tmpdir(), 'civicline-launcher-')), jar);
    expect(launcher).toEqual({ classPath: jar, main: expect.stringMatching(/LoopbackDynamoDbLocal\.java$/) });
  });
});
