import type { LocalStack } from '../infra/local/local-stack';
import { localDataDir } from '../infra/project-paths';

/**
 * Runs a one-off task on the local data (stop `npm start` first): the local stack started without
 * resuming workflows, the task, the stack stopped, the task's line printed; exit 1 on failure.
 */
export function runLocalTask(task: (stack: LocalStack) => Promise<string>): void {
  const run = async () => {
    const { startLocalStack } = await import('../infra/local/local-stack');
    const stack = await startLocalStack({ port: 0, dataDir: localDataDir(), resumeWorkflows: false });
    try {
      console.log(await stack.asOperator(() => task(stack)));
    } finally {
      await stack.stop();
    }
    process.exit(0);
  };
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
