import { type BundleFigure, bundleFigures, median, round } from './bundle-figures';
import { pageInteractive } from './page-interactive';
import { DIRECT_ANSWER_PATH, LETTER_PATH } from './standard-paths';
import { statisticsReadCost } from './statistics-read-cost';
import { webFigures } from './web-figures';
import { writePath } from './write-path';

/** `npm run bench`: the figures the issues ask for, printed as tables. Nothing here is asserted. */
/** Issue 14: a function's cold init at most the import of the DynamoDB clients alone. */
const INIT_RATIO_TARGET = 1.0;
/** Issue 14: transitions of the full letter path and of a direct answer. */
const TRANSITION_TARGETS: Record<string, string> = {
  [LETTER_PATH]: '≤ 8',
  [DIRECT_ANSWER_PATH]: '≤ 3',
};

async function main(): Promise<void> {
  console.log(
    'Function bundles (minified ESM, AWS SDK bundled, split: the entry and the chunks it loads only when needed) and cold init (median of 11 fresh Node processes)',
  );
  const bundles = await bundleFigures();
  const initRatio = (b: BundleFigure) => b.initMsMedian / b.sdkImportMsMedian;
  console.log(
    'Baseline: import of @aws-sdk/client-dynamodb + @aws-sdk/lib-dynamodb alone, 11 runs alternating with each function’s 11; ' +
      `median over the bench ${round(median(bundles.map((b) => b.sdkImportMsMedian)))} ms.`,
  );
  console.table(
    bundles.map((b) => ({
      function: b.functionName,
      'entry KB': b.minifiedKb,
      'lazy chunks KB': b.lazyChunksKb,
      'init ms (median)': b.initMsMedian,
      'SDK import ms (median, same runs)': b.sdkImportMsMedian,
      '× SDK import': round(initRatio(b)),
      [`≤ ${INIT_RATIO_TARGET}`]: initRatio(b) <= INIT_RATIO_TARGET ? 'yes' : 'NO',
    })),
  );
  console.log(
    `${bundles.filter((b) => initRatio(b) <= INIT_RATIO_TARGET).length} of ${bundles.length} functions within ${INIT_RATIO_TARGET}×.`,
  );

  console.log('\nThe pages: initial JS and CSS of each app (entry + static imports, gzip)');
  const budgets: Record<string, number> = { 'citizen (/)': 150, 'console (/console/)': 350 };
  console.table(
    (await webFigures()).map((figure) => ({
      app: figure.app,
      'initial JS KB gzip': figure.initialJsKbGzip,
      budget: budgets[figure.app],
      within: figure.initialJsKbGzip <= (budgets[figure.app] ?? 0) ? 'yes' : 'NO',
      'initial CSS KB gzip': figure.initialCssKbGzip,
      files: figure.files,
    })),
  );

  console.log('\nThe pages: navigation start → usable, local load in Chromium (median of 5, nothing cached)');
  console.table(
    (await pageInteractive()).map((figure) => ({
      page: figure.page,
      'median ms': figure.medianMs,
      'runs ms': figure.samplesMs.join(' / '),
    })),
  );

  console.log(
    '\nThe write path (npm start in its own process, DynamoDB Local, counters from the table streams)',
  );
  const path = await writePath();
  console.table([
    { burst: '64 concurrent intakes', ...path.burst.intakes },
    { burst: '64 concurrent actions (transfer), different cases, same day', ...path.burst.actions },
  ]);
  console.log(`Recount after the streams drained: ${path.differencesAfterDrain} difference(s).`);
  console.log(
    `Write → GET /v1/stats counts it (${path.lag.samples} letters): p50 ${path.lag.p50Ms} ms, p99 ${path.lag.p99Ms} ms.`,
  );
  console.table(
    [path.intake, path.actions, path.rawTransactions, path.rawPuts].map((figure) => ({
      load: figure.name,
      requests: figure.requests,
      clients: figure.concurrency,
      'per second': figure.perSecond,
      'p50 ms': figure.p50Ms,
      'p99 ms': figure.p99Ms,
      failures: figure.failures,
    })),
  );
  console.log('\nState transitions per execution path (GET /local/executions/{name}; Standard bills each)');
  console.table(
    path.transitions.map((figure) => ({
      path: figure.path,
      executions: figure.executions,
      transitions: figure.transitions,
      target: TRANSITION_TARGETS[figure.path] ?? '',
    })),
  );
  const ratio = round(path.intake.perSecond / path.rawTransactions.perSecond);
  console.log(`Intake throughput / raw transactions: ${ratio} (target ≥ 0.5).`);
  console.log(
    `DynamoDB Local runs one write at a time: a raw transaction costs ${round(path.rawPuts.perSecond / path.rawTransactions.perSecond)} puts' time; ` +
      'an intake writes its case transaction plus the case number and two rate-limit windows, and its stream the workflow task (README "Write path").',
  );

  console.log(
    '\nReading statistics at 1,000 and 100,000 cases (seeded through the case store; median of 20 reads)',
  );
  const [small, large] = await statisticsReadCost([1_000, 100_000]);
  if (!small || !large) return;
  console.table(
    small.reads.map((read, i) => {
      const big = large.reads[i] ?? read;
      return {
        read: read.name,
        'requests @1k': read.requests,
        'requests @100k': big.requests,
        'median ms @1k': read.medianMs,
        'median ms @100k': big.medianMs,
        'latency ratio': Math.round((big.medianMs / read.medianMs) * 100) / 100,
      };
    }),
  );
  console.log(`(seeding took ${small.seedSeconds} s and ${large.seedSeconds} s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
