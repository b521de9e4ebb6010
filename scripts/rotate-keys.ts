import { localDataDir } from '../infra/project-paths';

/**
 * `npm run keys:rotate`: a new data key for contact data on the local stack (stop `npm start`
 * first). In the cloud the same KeyRing.rotateDataKey runs with the KMS wrapper (see README).
 */
async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { startLocalStack } = await import('../infra/local/local-stack');
  const dataDir = localDataDir();
  const stack = await startLocalStack({ port: 0, dataDir, resumeWorkflows: false });
  try {
    const { keyRing } = await import('../shared/runtime/dependencies');
    const keyId = await keyRing().rotateDataKey();
    console.log(`New contact data key ${keyId} is current; data sealed with earlier keys stays readable.`);
  } finally {
    await stack.stop();
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
