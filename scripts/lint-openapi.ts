/**
 * `npm run lint:openapi` (part of `npm test`): builds the OpenAPI document GET /v1/openapi.json
 * serves and lints it with Spectral, the OWASP API Security ruleset included (.spectral.yaml).
 * Any error fails; warnings are shown. The document is written to a temporary file, not to
 * docs/openapi.json, so that a lint never leaves the work tree changed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { routeCatalog } from '../functions/docs/catalog.ts';
import { buildOpenApi } from '../shared/http/openapi.ts';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
const file = join(dir, 'openapi.json');
writeFileSync(file, JSON.stringify(buildOpenApi(routeCatalog()), null, 2));

try {
  const lint = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/@stoplight/spectral-cli/dist/index.js'),
      'lint',
      file,
      '--ruleset',
      join(root, '.spectral.yaml'),
      '--fail-severity',
      'error',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  process.exitCode = lint.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
