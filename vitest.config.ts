import { defineConfig } from 'vitest/config';

/** Test tiers, each runnable alone: unit (no I/O), infra (synthesized template), integration (handlers against DynamoDB Local), e2e (HTTP against `npm start`'s server). */
export default defineConfig({
  test: {
    env: { CDK_DISABLE_CLI_TELEMETRY: '1' },
    projects: [
      // Property tests play hundreds of long histories: seconds on a busy 2-core CI machine.
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 60_000 } },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/dynamodb-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Every response an end-to-end test receives is checked against the OpenAPI document.
          setupFiles: ['test/e2e/contract-setup.ts'],
          // The app is synthesized once for the servers the tier starts.
          globalSetup: ['test/support/synthesis-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // Pages in Debian's Chromium against `npm start`'s server (the pages built on its start).
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/synthesis-global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
