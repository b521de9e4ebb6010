import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYNTHESIZED_APP_FILE_ENV, writeSynthesizedApp } from '../../infra/local/presynthesized-app';
import { TEST_IDENTITY } from './identity-shape';

/**
 * The e2e and browser tiers start a server per test file (and again after a crash or a restart):
 * the app is synthesized once for the run and handed to each of them (presynthesized-app.ts). The
 * sources do not change during a run; a server with another token shape synthesizes its own.
 */
export default async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'civicline-synthesized-'));
  const file = join(dir, 'app.json');
  await writeSynthesizedApp(file, TEST_IDENTITY);
  // Test workers and the servers they spawn inherit it.
  process.env[SYNTHESIZED_APP_FILE_ENV] = file;
  return () => {
    delete process.env[SYNTHESIZED_APP_FILE_ENV];
    rmSync(dir, { recursive: true, force: true });
  };
}
