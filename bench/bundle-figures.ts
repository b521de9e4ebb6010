import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { functionEntry, PROJECT_ROOT } from '../infra/project-paths';
import { FUNCTION_ENVIRONMENT } from '../infra/stateless/civic-function';
import { bundleFunction } from '../infra/stateless/function-bundle';
import { ALL_FUNCTIONS } from '../shared/functions/route-table';
import { TABLE_ENV } from '../shared/runtime/environment';

export interface BundleFigure {
  readonly functionName: string;
  /** The entry every cold start parses. */
  readonly minifiedKb: number;
  /** The chunks it imports only when it needs them (files, texts, keyed requests). */
  readonly lazyChunksKb: number;
  readonly initMsMedian: number;
  /** The baseline's median over the runs taken alternately with this function's. */
  readonly sdkImportMsMedian: number;
  readonly initMsRuns: readonly number[];
}

const INIT_RUNS = 11;

/**
 * The baseline of issue 14: a fresh Node process importing the DynamoDB client and the document
 * client from node_modules, as a function that left the SDK to the runtime would.
 */
function sdkImportMs(): number {
  // Resolved by package name from the project, as Node resolves them (the packages' own entry points).
  const script = `const t = performance.now(); await import('@aws-sdk/client-dynamodb'); await import('@aws-sdk/lib-dynamodb'); process.stdout.write(String(performance.now() - t));`;
  return Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: PROJECT_ROOT }).toString(),
  );
}

/**
 * Bundles each function as the stack does (function-bundle.ts: an entry and lazy chunks) and times
 * a cold init: a fresh Node process importing the entry (module evaluation included; the AWS SDK
 * is inside the bundle). Each function's 11 runs alternate with 11 runs of the baseline, so a
 * machine that slows down or speeds up during the bench moves both sides of the ratio alike.
 */
export async function bundleFigures(
  functionNames = ALL_FUNCTIONS.map((f) => f.functionName),
): Promise<BundleFigure[]> {
  const figures: BundleFigure[] = [];
  for (const functionName of functionNames) {
    const outdir = join(PROJECT_ROOT, '.cache', 'bench', functionName);
    const outfile = join(outdir, 'index.mjs');
    rmSync(outdir, { recursive: true, force: true });
    await bundleFunction(functionEntry(functionName), outdir);
    const chunks = join(outdir, 'chunks');
    const runs: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < INIT_RUNS; run += 1) {
      baseline.push(sdkImportMs());
      runs.push(coldInitMs(outfile));
    }
    figures.push({
      functionName,
      minifiedKb: round(statSync(outfile).size / 1024),
      lazyChunksKb: round(
        (existsSync(chunks) ? readdirSync(chunks) : [])
          .filter((file) => file.endsWith('.mjs'))
          .reduce((total, file) => total + statSync(join(chunks, file)).size, 0) / 1024,
      ),
      initMsMedian: round(median(runs)),
      sdkImportMsMedian: round(median(baseline)),
      initMsRuns: runs.map(round),
    });
  }
  return figures;
}

function coldInitMs(bundle: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(bundle)}); process.stdout.write(String(performance.now() - t));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: {
      ...process.env,
      // As Lambda starts it: the functions' own environment (NODE_OPTIONS included, were it set).
      ...FUNCTION_ENVIRONMENT,
      AWS_REGION: 'cn-north-1',
      // Every name a function could ask for at load; the values are never used (no request is made).
      ...Object.fromEntries(Object.values(TABLE_ENV).map((name) => [name, 'bench'])),
      CIVICLINE_KEY_WRAPPER: 'kms',
      CIVICLINE_KMS_KEY_ID: 'bench',
      CASE_LIFECYCLE_ARN: 'arn:aws:states:cn-north-1:000000000000:stateMachine:bench',
      STAFF_TOKEN_ISSUER: 'https://bench.invalid',
      STAFF_TOKEN_AUDIENCE: 'bench',
      STAFF_TOKEN_JWKS_URL: 'https://bench.invalid/jwks.json',
      CIVICLINE_SIGN_IN: 'cognito',
      STAFF_USER_POOL_ID: 'cn-north-1_bench',
    },
  });
  return Number(output.toString());
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

export function round(value: number): number {
  return Math.round(value * 10) / 10;
}
