import { localDataDir } from '../infra/project-paths';

/**
 * `npm run stats:rebuild`: every counter set to its recount from the cases, idempotently (stop
 * `npm start` first). The local stack is started without serving anyone, its streams drained, then
 * the counters rebuilt: nothing is left in a stream that the rebuild did not count. In the cloud the
 * same rebuildStatistics runs with the event source mappings disabled (see README).
 */
async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { startLocalStack } = await import('../infra/local/local-stack');
  const stack = await startLocalStack({ port: 0, dataDir: localDataDir(), resumeWorkflows: false });
  try {
    await stack.streams.drained();
    const { caseStore, statisticsReader } = await import('../shared/runtime/dependencies');
    const { rebuildStatistics } = await import('../shared/use-cases/verify-statistics');
    const result = await rebuildStatistics({ store: caseStore(), statistics: statisticsReader() });
    console.log(
      `Recounted ${result.casesCounted} case(s): ${result.countersWritten} counter item(s) written, ${result.countersRemoved} removed.`,
    );
  } finally {
    await stack.stop();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
