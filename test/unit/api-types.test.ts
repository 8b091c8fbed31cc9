import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypes } from '../../scripts/openapi-types.ts';

describe('the generated client types', () => {
  it('are those of the current OpenAPI document (run npm run openapi:types after changing a schema)', async () => {
    expect(readFileSync(API_TYPES_FILE, 'utf8')).toBe(await apiTypes());
  });
});
