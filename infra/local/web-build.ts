import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { CACHE_DIR, PROJECT_ROOT } from '../project-paths';

/** Where `npm start` serves the pages from: the Vite build of web/. */
export const WEB_BUILD_DIR = join(CACHE_DIR, 'web');
const STAMP = '.build-stamp.json';

/** What the pages are built from: web/, the shared domain they import, and the locked packages. */
function sourcesFingerprint(): string {
  let latest = 0;
  let count = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else {
        latest = Math.max(latest, statSync(path).mtimeMs);
        count += 1;
      }
    }
  };
  visit(join(PROJECT_ROOT, 'web'));
  visit(join(PROJECT_ROOT, 'shared'));
  latest = Math.max(latest, statSync(join(PROJECT_ROOT, 'package-lock.json')).mtimeMs);
  return `production:${count}:${Math.floor(latest)}`;
}

function isCurrent(fingerprint: string): boolean {
  const stamp = join(WEB_BUILD_DIR, STAMP);
  return existsSync(stamp) && JSON.parse(readFileSync(stamp, 'utf8')).fingerprint === fingerprint;
}

/**
 * Builds the pages when the build is missing or older than its sources, into a fresh folder that
 * replaces the old one at once: a server reading the old build never sees half of the new one.
 */
export async function ensureWebBuild(log: (line: string) => void): Promise<string> {
  const fingerprint = sourcesFingerprint();
  if (isCurrent(fingerprint)) return WEB_BUILD_DIR;
  log('Building the pages (web/)…');
  const { build } = await import('vite');
  const staging = `${WEB_BUILD_DIR}.${process.pid}`;
  // A production build whatever started us: under a test runner NODE_ENV is `test`, and libraries
  // (Vant's ids, Vue's warnings) would be built for tests.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: join(PROJECT_ROOT, 'web', 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: staging, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  writeFileSync(join(staging, STAMP), JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }));
  mkdirSync(CACHE_DIR, { recursive: true });
  rmSync(WEB_BUILD_DIR, { recursive: true, force: true });
  renameSync(staging, WEB_BUILD_DIR);
  return WEB_BUILD_DIR;
}
