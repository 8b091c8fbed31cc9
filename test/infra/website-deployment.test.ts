import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_RETENTION } from '../../infra/logs.ts';
import { WEB_DIR } from '../../infra/paths.ts';
import { websiteFiles } from '../../infra/website.ts';
import { CONFIG_FILE } from '../../infra/website-deployment.ts';
import { type Synthesized, synthesizeService } from './synthesize.ts';

const DEPLOYMENT = 'Custom::CDKBucketDeployment';

interface DeploymentProps {
  ServiceToken: { 'Fn::GetAtt': [string, string] };
  SourceObjectKeys: string[];
  SourceMarkers?: Record<string, unknown>[];
  DestinationBucketName: unknown;
  DistributionId: unknown;
  DistributionPaths: string[];
  Prune: boolean;
  SystemMetadata?: Record<string, string>;
}

/** The files under `dir`, as paths relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

/** A CloudFormation value as a short readable string: `[Ref:X]`, `[X.Attr]`. */
function render(value: unknown): string {
  const v = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  if (v.Ref) return `[Ref:${v.Ref}]`;
  if (v['Fn::GetAtt']) return `[${v['Fn::GetAtt'][0]}.${v['Fn::GetAtt'][1]}]`;
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}

describe('the website deployment', () => {
  let synth: Synthesized;
  let deployment: DeploymentProps;
  let webFiles: string[];
  const assetDir = (key: string) => join(synth.assembly.directory, `asset.${key.replace(/\.zip$/, '')}`);
  beforeAll(() => {
    synth = synthesizeService();
    // Read right after synthesis: another hand may be adding pages to web/ meanwhile.
    webFiles = filesUnder(WEB_DIR);
    const deployments = Object.values(synth.template.findResources(DEPLOYMENT));
    expect(deployments).toHaveLength(1);
    deployment = deployments[0]?.Properties as DeploymentProps;
  });
  afterAll(() => synth?.dispose());

  it('copies two sources into the site bucket, prunes the rest and invalidates the distribution', () => {
    expect(deployment.SourceObjectKeys).toHaveLength(2);
    expect(deployment.DestinationBucketName).toEqual({ Ref: synth.logicalId(synth.stack.website.bucket) });
    expect(deployment.DistributionId).toEqual({ Ref: synth.logicalId(synth.stack.website.distribution) });
    expect(deployment.DistributionPaths).toEqual(['/*']);
    expect(deployment.Prune).toBe(true);
  });

  it('deploys the files of web/ as they are', () => {
    const [webKey] = deployment.SourceObjectKeys;
    expect(filesUnder(assetDir(webKey ?? ''))).toEqual(webFiles);
  });

  it('writes config.json with the same-origin API and the hosted sign-in, resolved at deploy time', () => {
    const configKey = deployment.SourceObjectKeys[1] ?? '';
    expect(filesUnder(assetDir(configKey))).toEqual([CONFIG_FILE]);
    let text = readFileSync(join(assetDir(configKey), CONFIG_FILE), 'utf8');
    for (const [marker, value] of Object.entries(deployment.SourceMarkers?.[1] ?? {}))
      text = text.split(marker).join(render(value));

    const { stack } = synth;
    expect(JSON.parse(text)).toEqual({
      apiBaseUrl: '',
      auth: {
        mode: 'cognito',
        domain: `[Ref:${synth.logicalId(stack.auth.domain)}].auth.${stack.region}.amazoncognito.com`,
        clientId: `[Ref:${synth.logicalId(stack.auth.webClient)}]`,
        redirectUri: `https://[${synth.logicalId(stack.website.distribution)}.DomainName]/account`,
      },
    });
  });

  it('lets browsers revalidate every file and CloudFront keep it until the next deploy', () => {
    expect(deployment.SystemMetadata?.['cache-control']).toBe(
      'public, max-age=0, must-revalidate, s-maxage=86400',
    );
  });

  it('runs the copy with a role of its own: no managed policy, "*" only to invalidate CloudFront', () => {
    const roleId = synth.logicalId(synth.stack.websiteDeployment.role);
    const role = synth.template.findResources('AWS::IAM::Role')[roleId];
    expect(role?.Properties.ManagedPolicyArns).toBeUndefined();
    const handler =
      synth.template.findResources('AWS::Lambda::Function')[deployment.ServiceToken['Fn::GetAtt'][0]];
    expect(handler?.Properties.Role).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });

    const statements = Object.values(synth.template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap(
        (policy) => policy.Properties.PolicyDocument.Statement as { Action: string[]; Resource: unknown }[],
      );
    const onEverything = statements.filter((statement) => statement.Resource === '*');
    expect(onEverything.flatMap((statement) => statement.Action).sort()).toEqual([
      'cloudfront:CreateInvalidation',
      'cloudfront:GetInvalidation',
    ]);
  });

  it('logs the copy to a log group with the service retention', () => {
    const handler =
      synth.template.findResources('AWS::Lambda::Function')[deployment.ServiceToken['Fn::GetAtt'][0]];
    const logGroupId = handler?.Properties.LoggingConfig?.LogGroup?.Ref;
    expect(synth.template.findResources('AWS::Logs::LogGroup')[logGroupId]?.Properties.RetentionInDays).toBe(
      LOG_RETENTION,
    );
  });

  it('refuses to synthesize without the web/ folder, and says which folder is missing', () => {
    const missing = join(WEB_DIR, 'no-such-folder');
    expect(() => websiteFiles(missing)).toThrow(`${missing} must be the web/ folder`);
    expect(websiteFiles()).toBe(WEB_DIR);
  });
});
