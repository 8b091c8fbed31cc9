import { defineConfig } from 'vitest/config';

const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', TZ: 'America/Los_Angeles' };
// Every project: the service's routine log lines stay out of the report (TEST_LOGS=1 keeps them).
const setupFiles = ['test/support/quiet-logs.ts'];
// DynamoDB Local, for the layers that use it; one instance serves them all (see the file).
const globalSetup = ['test/support/global-setup.ts'];

/**
 * Five layers (CONVENTIONS.md): unit (the rules, on in-memory fakes of the ports), integration
 * (each repository method on DynamoDB Local), infra (CDK template + cdk-nag), e2e (the local
 * server over real HTTP) and browser (the website in headless Chromium). One DynamoDB Local,
 * started by the global setup of the projects that need it, serves every file of them; each
 * file works in a table of its own. TZ is deliberately not Asia/Shanghai, so any reliance on
 * the server's zone shows.
 */
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on CI's two. Most files
    // spend their time waiting on DynamoDB Local (another process) or Chromium, so two
    // workers keep both cores busy.
    maxWorkers: 2,
    projects: [
      {
        // Pure rules on in-memory fakes: nothing a file does outlives it, so the files share one
        // module graph per worker instead of importing zod and the domain afresh each time.
        test: { name: 'unit', env, setupFiles, include: ['test/unit/**/*.test.ts'], isolate: false },
      },
      {
        test: {
          name: 'integration',
          env,
          globalSetup,
          setupFiles,
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'infra',
          env,
          setupFiles,
          include: ['test/infra/**/*.test.ts'],
          // Each file builds its own App and synthesizes it; loading aws-cdk-lib and cdk-nag
          // is most of that, so the files share one module graph per worker.
          isolate: false,
          // functions.test.ts bundles every function: minutes on a busy machine.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          env,
          globalSetup,
          setupFiles,
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Real headless Chromium against the local server; one file at a time, it is heavy.
        test: {
          name: 'browser',
          env,
          globalSetup,
          setupFiles,
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
