import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.ts';
import { cdkJsonContext, NO_BUNDLING, type Synthesized, synthesizeService } from './synthesize.ts';

describe('the auto-publish policy for overdue records, per deployment', () => {
  let synth: Synthesized;
  beforeAll(() => {
    // As `cdk deploy -c autoPublishOverdue=false` passes it: a string.
    synth = synthesizeService({ autoPublishOverdue: 'false' });
  });
  afterAll(() => synth?.dispose());

  it('turns automatic late publication off when the context says false', () => {
    const fn =
      synth.template.findResources('AWS::Lambda::Function')[synth.logicalId(synth.stack.timers.function)];
    expect(fn?.Properties.Environment.Variables.AUTO_PUBLISH_OVERDUE).toBe('false');
  });

  describe('with a value that is neither true nor false', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'disclosure-cdk-policy-'));
    afterAll(() => rmSync(outdir, { recursive: true, force: true }));

    it('refuses to build the app rather than guess', () => {
      const context = { ...cdkJsonContext(), ...NO_BUNDLING, autoPublishOverdue: 'no' };
      expect(() => buildApp({ outdir, context })).toThrow(/autoPublishOverdue must be true or false/);
    });
  });
});
