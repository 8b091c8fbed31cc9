import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_RETENTION } from '../../infra/logs.ts';
import { WEB_SECURITY_HEADERS } from '../../local/static-files.ts';
import { type Synthesized, synthesizeService } from './synthesize.ts';

const BUCKET = 'AWS::S3::Bucket';
const DISTRIBUTION = 'AWS::CloudFront::Distribution';
const HEADERS_POLICY = 'AWS::CloudFront::ResponseHeadersPolicy';

interface Statement {
  Effect: string;
  Principal: unknown;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

interface SecurityHeadersConfig {
  ContentSecurityPolicy?: { ContentSecurityPolicy: string; Override: boolean };
  ContentTypeOptions?: { Override: boolean };
  FrameOptions?: { FrameOption: string; Override: boolean };
  ReferrerPolicy?: { ReferrerPolicy: string; Override: boolean };
  StrictTransportSecurity?: {
    AccessControlMaxAgeSec: number;
    IncludeSubdomains?: boolean;
    Preload?: boolean;
    Override: boolean;
  };
}

interface DistributionConfig {
  DefaultRootObject: string;
  Enabled: boolean;
  Logging: unknown;
  Origins: {
    DomainName: unknown;
    S3OriginConfig: unknown;
    OriginAccessControlId: { 'Fn::GetAtt': [string, string] };
  }[];
  DefaultCacheBehavior: {
    ViewerProtocolPolicy: string;
    AllowedMethods: string[];
    ResponseHeadersPolicyId: { Ref: string };
    FunctionAssociations: { EventType: string; FunctionARN: { 'Fn::GetAtt': [string, string] } }[];
  };
}

interface HeadersPolicyConfig {
  SecurityHeadersConfig: SecurityHeadersConfig;
  CustomHeadersConfig?: { Items: { Header: string; Value: string; Override: boolean }[] };
}

/** The headers a policy makes CloudFront send, written as the local server writes them. */
function headersSentBy(config: HeadersPolicyConfig): Record<string, string> {
  const security = config.SecurityHeadersConfig;
  const headers: Record<string, string> = {};
  if (security.ContentSecurityPolicy)
    headers['content-security-policy'] = security.ContentSecurityPolicy.ContentSecurityPolicy;
  if (security.ContentTypeOptions) headers['x-content-type-options'] = 'nosniff';
  if (security.FrameOptions) headers['x-frame-options'] = security.FrameOptions.FrameOption;
  if (security.ReferrerPolicy) headers['referrer-policy'] = security.ReferrerPolicy.ReferrerPolicy;
  const hsts = security.StrictTransportSecurity;
  if (hsts)
    headers['strict-transport-security'] = [
      `max-age=${hsts.AccessControlMaxAgeSec}`,
      ...(hsts.IncludeSubdomains ? ['includeSubDomains'] : []),
      ...(hsts.Preload ? ['preload'] : []),
    ].join('; ');
  for (const item of config.CustomHeadersConfig?.Items ?? []) headers[item.Header] = item.Value;
  return headers;
}

describe('the website hosting', () => {
  let synth: Synthesized;
  let bucketId: string;
  let logBucketId: string;
  let distributionId: string;
  let distribution: DistributionConfig;
  beforeAll(() => {
    // The functions' bundles play no part in the hosting: build without them.
    synth = synthesizeService();
    bucketId = synth.logicalId(synth.stack.website.bucket);
    logBucketId = synth.logicalId(synth.stack.website.logBucket);
    distributionId = synth.logicalId(synth.stack.website.distribution);
    distribution = synth.template.findResources(DISTRIBUTION)[distributionId]?.Properties.DistributionConfig;
  });
  afterAll(() => synth?.dispose());

  const bucket = (id: string) => synth.template.findResources(BUCKET)[id];
  const policyStatements = (id: string): Statement[] => {
    const policies = Object.values(synth.template.findResources('AWS::S3::BucketPolicy')).filter(
      (policy) => JSON.stringify(policy.Properties.Bucket) === JSON.stringify({ Ref: id }),
    );
    expect(policies).toHaveLength(1);
    return policies[0]?.Properties.PolicyDocument.Statement;
  };

  it('has four buckets (site, logs, the materials of test/infra/materials.test.ts and the open-data snapshots) and one distribution', () => {
    synth.template.resourceCountIs(BUCKET, 4);
    synth.template.resourceCountIs(DISTRIBUTION, 1);
  });

  it.each([
    ['site', () => bucketId],
    ['log', () => logBucketId],
  ])('keeps the %s bucket private and encrypted, and retains it', (_name, id) => {
    expect(bucket(id())).toMatchObject({
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
      },
    });
  });

  it.each([
    ['site', () => bucketId],
    ['log', () => logBucketId],
  ])('denies every request to the %s bucket that does not come over TLS', (_name, id) => {
    const arn = { 'Fn::GetAtt': [id(), 'Arn'] };
    expect(policyStatements(id())).toContainEqual({
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: 's3:*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      Resource: [arn, { 'Fn::Join': ['', [arn, '/*']] }],
    });
  });

  it('versions the site files and logs access to the site bucket into the log bucket', () => {
    expect(bucket(bucketId)?.Properties).toMatchObject({
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: logBucketId } },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
  });

  it('keeps the logs as long as the service’s log groups, and no longer', () => {
    expect(bucket(logBucketId)?.Properties.LifecycleConfiguration.Rules).toEqual([
      expect.objectContaining({ ExpirationInDays: LOG_RETENTION, Status: 'Enabled' }),
    ]);
  });

  it('lets only this distribution read the site bucket, through its origin access control', () => {
    const allows = policyStatements(bucketId).filter((statement) => statement.Effect === 'Allow');
    expect(allows).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] },
        Condition: {
          StringEquals: {
            'AWS:SourceArn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':cloudfront::',
                  { Ref: 'AWS::AccountId' },
                  ':distribution/',
                  { Ref: distributionId },
                ],
              ],
            },
          },
        },
      },
    ]);
  });

  it('reaches the bucket through an origin access control that signs every request, not an OAI', () => {
    const [origin] = distribution.Origins;
    if (!origin) throw new Error('the distribution has no origin');
    expect(origin.DomainName).toEqual({ 'Fn::GetAtt': [bucketId, 'RegionalDomainName'] });
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    const [oacId] = origin.OriginAccessControlId['Fn::GetAtt'];
    const oac = synth.template.findResources('AWS::CloudFront::OriginAccessControl')[oacId];
    expect(oac?.Properties.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    synth.template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
  });

  it('serves index.html at the root, redirects HTTP to HTTPS and allows reads only', () => {
    expect(distribution).toMatchObject({
      DefaultRootObject: 'index.html',
      Enabled: true,
      DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https', AllowedMethods: ['GET', 'HEAD'] },
    });
  });

  it('writes its access logs to the log bucket', () => {
    expect(distribution.Logging).toEqual({
      Bucket: { 'Fn::GetAtt': [logBucketId, 'RegionalDomainName'] },
      Prefix: 'cloudfront/',
    });
    // CloudFront's standard logs are delivered under an ACL grant.
    expect(bucket(logBucketId)?.Properties.OwnershipControls).toEqual({
      Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }],
    });
  });

  it('sends exactly the security headers the local server sends (WEB_SECURITY_HEADERS)', () => {
    const policyId = distribution.DefaultCacheBehavior.ResponseHeadersPolicyId.Ref;
    const config = synth.template.findResources(HEADERS_POLICY)[policyId]?.Properties
      .ResponseHeadersPolicyConfig as HeadersPolicyConfig;
    expect(headersSentBy(config)).toEqual(WEB_SECURITY_HEADERS);
    const overrides = [
      ...Object.values(config.SecurityHeadersConfig).map((setting) => setting.Override),
      ...(config.CustomHeadersConfig?.Items ?? []).map((item) => item.Override),
    ];
    expect(overrides.length).toBeGreaterThan(0);
    expect(new Set(overrides)).toEqual(new Set([true]));
  });

  describe('the page-path function', () => {
    type Answer = {
      uri?: string;
      statusCode?: number;
      headers?: Record<string, { value: string }>;
      body?: { data: string };
    };
    let run: (uri: string) => Answer;
    let code: string;
    beforeAll(() => {
      const association = distribution.DefaultCacheBehavior.FunctionAssociations;
      expect(association).toHaveLength(1);
      const [viewerRequest] = association;
      expect(viewerRequest?.EventType).toBe('viewer-request');
      const fn =
        synth.template.findResources('AWS::CloudFront::Function')[
          viewerRequest?.FunctionARN['Fn::GetAtt'][0] ?? ''
        ];
      expect(fn?.Properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
      code = fn?.Properties.FunctionCode;
      const handler = new Function(`${code}\nreturn handler;`)() as (event: {
        request: { uri: string };
      }) => Answer;
      run = (uri) => handler({ request: { uri } });
    });

    it.each([
      ['/account', '/account.html'],
      ['/docs', '/docs.html'],
      ['/', '/index.html'],
      ['/js/search.js', '/js/search.js'],
      ['/config.json', '/config.json'],
      ['/404.html', '/404.html'],
    ])('serves %s from %s, as the local server does', (uri, file) => {
      expect(run(uri).uri).toBe(file);
    });

    it.each(['/nonexistent.html', '/a/b/missing', '/guide/', '/v1.2/page'])(
      'answers %s, which has no file, with the Chinese 404 page and its security headers',
      (uri) => {
        const answer = run(uri);

        expect(answer.statusCode).toBe(404);
        expect(answer.headers?.['content-type']?.value).toBe('text/html; charset=utf-8');
        expect(answer.headers?.['content-security-policy']?.value).toBe(
          WEB_SECURITY_HEADERS['content-security-policy'],
        );
        expect(answer.body?.data).toContain('<h1>页面不存在</h1>');
      },
    );

    it('fits the 10 KB CloudFront allows a function', () => {
      expect(Buffer.byteLength(code)).toBeLessThan(10 * 1024);
    });
  });

  it('acknowledges geo restriction and the default certificate’s TLS floor, and nothing else (it has a web ACL)', () => {
    const resource = synth.template.findResources(DISTRIBUTION)[distributionId];
    const rules = (resource?.Metadata?.cdk_nag?.rules_to_suppress ?? []) as { id: string }[];
    const ids = rules.map((rule) => rule.id);
    expect(ids.sort()).toEqual(['AwsSolutions-CFR1', 'AwsSolutions-CFR4']);
    expect(resource?.Properties.DistributionConfig.WebACLId).toBeDefined();
  });

  it('lets the website client return to the site’s root and /account after sign-in and sign-out', () => {
    const siteUrl = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] };
    const url = (path: string) => ({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, path]],
    });
    const clients = Object.values(synth.template.findResources('AWS::Cognito::UserPoolClient'));
    expect(clients).toHaveLength(1);
    const { CallbackURLs, LogoutURLs } = clients[0]?.Properties ?? {};
    // The site's own URLs, and still the local server's (the default webOrigins).
    const expected = [url('/'), url('/account'), 'http://localhost:3000/', 'http://localhost:3000/account'];
    expect(CallbackURLs).toEqual(expect.arrayContaining(expected));
    expect(LogoutURLs).toEqual(expect.arrayContaining(expected));
    synth.template.hasOutput('WebsiteUrl', { Value: siteUrl });
  });
});
