import { bundleFunction } from '../infra/stateless/function-bundle';

/**
 * `tsx scripts/bundle-function.ts <entry> <outdir>`: the split bundle of one function, run by the
 * stack's bundling (civic-function.ts) after NodejsFunction's own single-file build.
 */
const [entry, outdir] = process.argv.slice(2);
if (!entry || !outdir) throw new Error('usage: bundle-function <entry> <outdir>');
await bundleFunction(entry, outdir);
