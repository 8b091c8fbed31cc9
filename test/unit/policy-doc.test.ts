import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY_DOC_FILE, policyDoc } from '../../scripts/policy-doc.ts';
import { TIME_LIMITS } from '../../shared/domain/policy/time-limits.ts';

describe('docs/time-limits.md', () => {
  it('is what the policy table says now (run npm run docs:policy after changing it)', () => {
    expect(readFileSync(POLICY_DOC_FILE, 'utf8')).toBe(policyDoc());
  });

  it('names every time limit with its value, legal basis, effective date and whether it is confirmed', () => {
    const doc = policyDoc();
    for (const limit of Object.values(TIME_LIMITS)) {
      expect(doc).toContain(`| ${limit.label} |`);
      expect(doc).toContain(limit.basis);
      expect(doc).toContain(limit.effectiveFrom);
    }
    expect(doc).toContain('信用修复申请的决定（决定机关） | `repairDecision` | 3 个工作日 | 2026-04-01');
    expect(doc).toMatch(/repairDecision.*\*\*待确认\*\*/);
  });
});
