import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Absolute paths the stack needs. Resolved from this file rather than from the working
 * directory, so `cdk synth` from the repo root and a test run from anywhere agree.
 */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The public website's static files (ARCHITECTURE.md: `web/`), deployed to the site bucket. */
export const WEB_DIR = join(REPO_ROOT, 'web');

/** The lock file NodejsFunction hashes for the asset and reads the esbuild version from. */
export const LOCK_FILE = fileURLToPath(new URL('../package-lock.json', import.meta.url));

/** `functions/<name>/handler.ts`: one folder per Lambda (ARCHITECTURE.md, code layout). */
export function handlerEntry(name: string): string {
  return fileURLToPath(new URL(`../functions/${name}/handler.ts`, import.meta.url));
}
