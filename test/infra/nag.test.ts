import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.ts';
import { cdkJsonContext, NO_BUNDLING, type Synthesized, synthesizeService } from './synthesize.ts';

interface ValidationReport {
  pluginReports: { pluginName: string; violations: { ruleName: string; violatingConstructs: unknown[] }[] }[];
}

interface NagMetadata {
  cdk_nag?: { rules_to_suppress: { id: string; reason: string }[] };
}

const readReport = (directory: string) =>
  JSON.parse(readFileSync(join(directory, 'validation-report.json'), 'utf8')) as ValidationReport;

const awsSolutionsFindings = (report: ValidationReport) =>
  report.pluginReports
    .filter((plugin) => plugin.pluginName === 'AwsSolutions')
    .flatMap((plugin) => plugin.violations.map((violation) => violation.ruleName));

describe('cdk-nag (AwsSolutions)', () => {
  let synth: Synthesized;
  beforeAll(() => {
    // Synthesis itself throws on an unacknowledged AwsSolutions error.
    synth = synthesizeService();
  });
  afterAll(() => synth?.dispose());

  it('reports no unacknowledged finding in the validation report of the synthesis', () => {
    expect(awsSolutionsFindings(readReport(synth.assembly.directory))).toEqual([]);
  });

  it('finds no unacknowledged error or warning when the pack is run over the app again', () => {
    const report = new AwsSolutionsChecks().validateScope(synth.app);

    expect(report.violations.map((violation) => violation.ruleName)).toEqual([]);
  });

  it('accepts a route without authorizer (APIG4) exactly on the routes that have none', () => {
    const routes = Object.values(synth.template.findResources('AWS::ApiGatewayV2::Route'));
    for (const route of routes) {
      const acknowledged = ((route.Metadata ?? {}) as NagMetadata).cdk_nag?.rules_to_suppress ?? [];
      const open = route.Properties.AuthorizationType === 'NONE';
      expect(acknowledged.some((rule) => rule.id === 'AwsSolutions-APIG4')).toBe(open);
    }
  });

  it('gives every acknowledgment a written reason', () => {
    const resources = Object.values(
      synth.template.toJSON().Resources as Record<string, { Metadata?: NagMetadata }>,
    );
    const rules = resources.flatMap((resource) => resource.Metadata?.cdk_nag?.rules_to_suppress ?? []);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(rule.reason.length, rule.id).toBeGreaterThan(40);
  });
});

describe('buildApp', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'disclosure-cdk-nag-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('fails synthesis when a resource brings a new AwsSolutions finding', () => {
    // No bundling: the stray bucket is what this test is about.
    const context = { ...cdkJsonContext(), ...NO_BUNDLING };
    const { app, stack } = buildApp({ outdir, context });
    new Bucket(stack, 'StrayBucket');

    // In memory the message carries the report; from the CLI, only its path.
    expect(() => app.synth()).toThrow(/validation-report\.json/);
    expect(awsSolutionsFindings(readReport(outdir))).toEqual(
      expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']),
    );
  });
});
