/**
 * How every function is bundled: read by the stack (service-function.ts) and by the
 * benchmark (bench/bundles.ts), so the bundle measured is the bundle deployed.
 */
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';

// ESM output has no `require`; a CommonJS dependency that calls it (directly or through
// esbuild's shim) would throw "Dynamic require is not supported" without this banner.
// The alias keeps clear of a bundled module's own `createRequire` import (pdfkit has one).
export const REQUIRE_BANNER =
  "import { createRequire as bannerCreateRequire } from 'module'; const require = bannerCreateRequire(import.meta.url);";

/** Packages replaced in the bundles; see shared/store/env-credentials.ts for why. */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': join(REPO_ROOT, 'shared', 'store', 'env-credentials.ts'),
};

/**
 * Files a function reads beside its bundle: the reports' font (shared/reports/font.ts looks
 * for it next to the code before node_modules, which a bundle does not have).
 */
export const BUNDLE_FILES: Readonly<Partial<Record<string, readonly string[]>>> = {
  reports: [
    join(
      REPO_ROOT,
      'node_modules',
      '@fontsource',
      'noto-sans-sc',
      'files',
      'noto-sans-sc-chinese-simplified-400-normal.woff',
    ),
  ],
};
