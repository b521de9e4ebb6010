import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the project lives, and the places in it every tool agrees on. */
export const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Downloads kept between runs (the DynamoDB Local jar, bench bundles). */
export const CACHE_DIR = join(PROJECT_ROOT, '.cache');

/** The entry file of a function: functions/<name>.ts. */
export function functionEntry(functionName: string): string {
  return join(PROJECT_ROOT, 'functions', `${functionName}.ts`);
}

/** The local data of `npm start` (CIVICLINE_DATA_DIR, or .civicline/). */
export function localDataDir(): string {
  return process.env.CIVICLINE_DATA_DIR ?? join(PROJECT_ROOT, '.civicline');
}
