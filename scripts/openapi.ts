/**
 * `npm run openapi`: writes the OpenAPI document to docs/openapi.json (for the linter and for
 * generating clients) — the same document GET /v1/openapi.json serves.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { routeCatalog } from '../functions/docs/catalog.ts';
import { buildOpenApi } from '../shared/http/openapi.ts';

const out = resolve(import.meta.dirname, '../docs/openapi.json');
mkdirSync(resolve(out, '..'), { recursive: true });
writeFileSync(out, `${JSON.stringify(buildOpenApi(routeCatalog()), null, 2)}\n`);
process.stdout.write(`wrote ${out}\n`);
