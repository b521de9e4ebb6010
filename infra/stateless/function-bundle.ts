import { build } from 'esbuild';
import { BUNDLE_ALIASES, BUNDLING } from './civic-function';

/**
 * A function's deployed code, as the stack ships it and `npm run bench` measures it: the stack's
 * esbuild options (civic-function.ts BUNDLING), split into an entry (`index.mjs`) and chunks
 * (`chunks/`), so what a function imports only when it needs it (the S3 client and presigners for
 * a file, the SMS provider's SDK for a text) is a chunk read from disk then, not code every cold
 * start parses. Measured on submit-letter: 967 KB in one file → a 435 KB entry, cold init halved.
 */
export async function bundleFunction(entry: string, outdir: string): Promise<void> {
  await build({
    entryPoints: { index: entry },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLING.target,
    minify: BUNDLING.minify,
    sourcemap: BUNDLING.sourceMap,
    sourcesContent: BUNDLING.sourcesContent,
    mainFields: BUNDLING.mainFields,
    external: BUNDLING.externalModules,
    alias: { ...BUNDLE_ALIASES },
    banner: { js: BUNDLING.banner },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
}
