import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Java source file that starts the jar's own server bound to 127.0.0.1 (the jar has no -host). */
const LOOPBACK_LAUNCHER = join(dirname(fileURLToPath(import.meta.url)), 'LoopbackDynamoDbLocal.java');
const LAUNCHER_CLASS = 'LoopbackDynamoDbLocal';

/** What `java` runs to start DynamoDB Local on loopback: a class path and a main class or source file. */
export interface DynamoDbLauncher {
  readonly classPath: string;
  readonly main: string;
}

/**
 * The launcher compiled once into the cache, where this machine has `javac` (a JDK): Java's
 * source-file launcher compiles it again at every start, about 1 s of the 3.5 s DynamoDB Local
 * takes to answer, and the tests start it some 25 times a run. The compiled class is kept under
 * the source's digest, so an edited launcher is compiled again. With a JRE alone, the source-file
 * launcher runs it as before.
 */
export function dynamoDbLauncher(cacheDir: string, jar: string): DynamoDbLauncher {
  const source = readFileSync(LOOPBACK_LAUNCHER);
  const digest = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const classes = join(cacheDir, 'dynamodb-launcher', digest);
  if (existsSync(join(classes, `${LAUNCHER_CLASS}.class`)))
    return { classPath: `${jar}:${classes}`, main: LAUNCHER_CLASS };
  // Compiled beside its final place and moved there whole: two servers starting at once (the
  // integration tier and an e2e file) never load half a class.
  const staging = `${classes}.${process.pid}`;
  try {
    mkdirSync(staging, { recursive: true });
    execFileSync('javac', ['--release', '17', '-d', staging, '-cp', jar, LOOPBACK_LAUNCHER], {
      stdio: 'ignore',
    });
    if (!existsSync(classes)) renameSync(staging, classes);
    return { classPath: `${jar}:${classes}`, main: LAUNCHER_CLASS };
  } catch {
    return { classPath: jar, main: LOOPBACK_LAUNCHER };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
