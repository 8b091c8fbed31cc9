/**
 * How every function is bundled: read by the stack (service-function.ts) and by the
 * benchmark (bench/bundles.ts), so the bundle measured is the bundle deployed.
 */
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';

// ESM output has no `require`; a CommonJS dependency that calls it (directly or through
// esbuild's shim) would throw "Dynamic require is not supported" without this banner.
export const REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** Packages replaced in the bundles; see shared/store/env-credentials.ts for why. */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': join(REPO_ROOT, 'shared', 'store', 'env-credentials.ts'),
};
