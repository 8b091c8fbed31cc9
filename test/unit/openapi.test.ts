import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../shared/http/routes.ts';
import { assertDocumented, openApi } from '../support/contract.ts';
import { REPO_ROOT } from '../support/processes.ts';

type Operation = {
  operationId: string;
  summary: string;
  description: string;
  responses: Record<string, unknown>;
  security: unknown[];
};

const operations = () => {
  const paths = openApi().document.paths as Record<string, Record<string, Operation>>;
  return ROUTES.map((route) => ({ route, operation: paths[route.path]?.[route.method.toLowerCase()] }));
};

describe('the OpenAPI document', () => {
  it('describes every declared route, once, with Chinese and English text and its security', () => {
    const all = operations();
    for (const { route, operation } of all) {
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation?.summary).toMatch(/[A-Za-z]/);
      expect(operation?.description).toMatch(/[\u4e00-\u9fff]/);
      expect(operation?.security).toEqual(route.access === 'public' ? [] : [{ bearer: [] }]);
      expect(Object.keys(operation?.responses ?? {})).toContain('500');
    }
    const ids = all.map(({ operation }) => operation?.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('passes the Redocly linter with no errors', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(openApi().document));

    const lint = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', file, '--format=summary'],
      {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );

    expect(lint.stdout + lint.stderr).toContain('Your API description is valid');
    expect(lint.status).toBe(0);
  }, 30_000);

  it('lets the e2e check refuse an answer it does not describe', () => {
    const problem = JSON.stringify({
      type: 'x',
      title: 't',
      status: 404,
      code: 'not_found',
      detail: 'd',
      message: { zh: 'z', en: 'e' },
    });

    expect(() => assertDocumented('GET', '/v1/deadlines', 404, 'application/problem+json', problem)).toThrow(
      /does not describe/,
    );
    expect(() => assertDocumented('GET', '/v1/deadlines', 200, 'application/json', '{"due":3}')).toThrow(
      /does not match/,
    );
    expect(() => assertDocumented('GET', '/v1/deadlines', 400, 'text/html', '<p>')).toThrow(/media type/);
    expect(() =>
      assertDocumented('GET', '/v1/calendar/2026', 404, 'application/problem+json', problem),
    ).not.toThrow();
  });
});
