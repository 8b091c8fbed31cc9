import { defineConfig } from 'vitest/config';

/**
 * Four layers (CONVENTIONS.md): unit (pure domain), integration (DynamoDB Local), infra (CDK
 * template + cdk-nag) and e2e (the local server over real HTTP). One DynamoDB Local, started
 * by the global setup, serves every file; each file works in a table of its own.
 */
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', TZ: 'America/Los_Angeles' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 20_000 },
      },
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
      },
    ],
  },
});
