import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_DATA_PATH_PATTERN } from '../../infra/open-data.ts';
import { type Synthesized, synthesizeService } from './synthesize.ts';

/*
 * Lambda response streaming, function URLs, CloudFront and Secrets Manager cannot run here:
 * these read the synthesized template `cdk deploy` would send. The same handler streams
 * through the local server in test/e2e/open-data.test.ts, and pushes to a fake platform in
 * test/e2e/upstream.test.ts.
 */

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

describe('open data and the upstream push on AWS', () => {
  let synth: Synthesized;
  let withUpstream: Synthesized;
  const SECRET = 'arn:aws:secretsmanager:cn-north-1:123456789012:secret:upstream-token-AbCdEf';
  beforeAll(() => {
    synth = synthesizeService();
    withUpstream = synthesizeService({
      upstreamUrl: 'https://credit.example.gov.cn/exchange',
      upstreamSecretArn: SECRET,
    });
  });
  afterAll(() => {
    synth?.dispose();
    withUpstream?.dispose();
  });

  it('streams through a function URL in RESPONSE_STREAM mode that only CloudFront may call', () => {
    const [url, ...more] = Object.values(synth.template.findResources('AWS::Lambda::Url'));
    expect(more).toEqual([]);
    expect(url?.Properties).toMatchObject({ AuthType: 'AWS_IAM', InvokeMode: 'RESPONSE_STREAM' });
    expect(JSON.stringify(url?.Properties.TargetFunctionArn)).toContain(
      synth.logicalId(synth.stack.functions['open-data']),
    );
    const control = Object.values(synth.template.findResources('AWS::CloudFront::OriginAccessControl')).map(
      (c) => c.Properties.OriginAccessControlConfig.OriginAccessControlOriginType,
    );
    expect(control).toContain('lambda');
    const fromCloudFront = Object.values(synth.template.findResources('AWS::Lambda::Permission'))
      .map((p) => p.Properties)
      .filter((p) => p.Principal === 'cloudfront.amazonaws.com');
    expect(fromCloudFront.map((p) => p.Action).sort()).toEqual([
      'lambda:InvokeFunction',
      'lambda:InvokeFunctionUrl',
    ]);
    for (const p of fromCloudFront) expect(JSON.stringify(p.SourceArn)).toContain(':distribution/');
  });

  it('serves /v1/open-data/* before /v1/*, uncached, GET and HEAD only', () => {
    const [distribution] = Object.values(synth.template.findResources('AWS::CloudFront::Distribution'));
    const [first] = distribution?.Properties.DistributionConfig.CacheBehaviors ?? [];
    expect(first.PathPattern).toBe(OPEN_DATA_PATH_PATTERN);
    expect(first.AllowedMethods.sort()).toEqual(['GET', 'HEAD']);
    expect(first.ViewerProtocolPolicy).toBe('https-only');
  });

  it('keeps the snapshots in a private bucket the sweeps write under open-data/ and the open-data function reads', () => {
    const bucketId = synth.logicalId(synth.stack.openData.bucket);
    const bucket = synth.template.findResources('AWS::S3::Bucket')[bucketId]?.Properties;
    expect(bucket.PublicAccessBlockConfiguration.RestrictPublicBuckets).toBe(true);
    expect(bucket.LifecycleConfiguration.Rules).toContainEqual(
      expect.objectContaining({ Prefix: 'open-data/', Status: 'Enabled' }),
    );
    const grants = Object.values(synth.template.findResources('AWS::IAM::Policy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
      .filter((s) => JSON.stringify(s.Resource).includes(bucketId));
    const actions = grants.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).sort();
    expect(actions).toEqual(['s3:GetObject', 's3:PutObject']);
    for (const g of grants) expect(JSON.stringify(g.Resource)).toContain('/open-data/*');
  });

  it('pushes only when a platform is configured, reading its token from the one secret', () => {
    const sweeps = (s: Synthesized) =>
      s.template.findResources('AWS::Lambda::Function')[s.logicalId(s.stack.timers.function)]?.Properties
        .Environment.Variables;
    expect(sweeps(synth).UPSTREAM_URL).toBeUndefined();
    expect(sweeps(withUpstream)).toMatchObject({
      UPSTREAM_URL: 'https://credit.example.gov.cn/exchange',
      UPSTREAM_SECRET_ARN: SECRET,
    });
    const secretReads = Object.values(withUpstream.template.findResources('AWS::IAM::Policy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
      .filter((s) => JSON.stringify(s.Resource).includes('upstream-token'));
    expect(secretReads.flatMap((s) => s.Action)).toEqual(
      expect.arrayContaining(['secretsmanager:GetSecretValue']),
    );
    expect(() => synthesizeService({ upstreamUrl: 'https://credit.example.gov.cn' })).toThrow(
      /upstreamSecretArn/,
    );
  });
});
