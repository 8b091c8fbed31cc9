import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_DATA_PATH_PATTERN } from '../../infra/open-data.ts';
import { API_PATH_PATTERN } from '../../infra/website.ts';
import { type Synthesized, synthesizeService } from './synthesize.ts';

// The managed policies' ids (AWS documents them; CDK's CachePolicy/OriginRequestPolicy constants).
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

interface Behavior {
  PathPattern: string;
  TargetOriginId: string;
  ViewerProtocolPolicy: string;
  AllowedMethods: string[];
  CachePolicyId: string;
  OriginRequestPolicyId?: string;
}

interface Origin {
  Id: string;
  DomainName: unknown;
  CustomOriginConfig?: { OriginProtocolPolicy: string };
}

interface DistributionConfig {
  CacheBehaviors?: Behavior[];
  Origins: Origin[];
  CustomErrorResponses?: unknown[];
}

describe('the API under the website origin', () => {
  let synth: Synthesized;
  let config: DistributionConfig;
  beforeAll(() => {
    synth = synthesizeService();
    const id = synth.logicalId(synth.stack.website.distribution);
    config = synth.template.findResources('AWS::CloudFront::Distribution')[id]?.Properties.DistributionConfig;
  });
  afterAll(() => synth?.dispose());

  const apiBehavior = () =>
    config.CacheBehaviors?.find((behavior) => behavior.PathPattern === API_PATH_PATTERN);

  it('sends /v1/* to the HTTP API over HTTPS only', () => {
    const behavior = apiBehavior();
    expect(behavior?.ViewerProtocolPolicy).toBe('https-only');
    const origin = config.Origins.find((o) => o.Id === behavior?.TargetOriginId);
    expect(origin?.CustomOriginConfig?.OriginProtocolPolicy).toBe('https-only');
    expect(origin?.DomainName).toEqual({
      'Fn::Join': [
        '',
        [
          { Ref: synth.logicalId(synth.stack.api.api) },
          `.execute-api.${synth.stack.region}.`,
          { Ref: 'AWS::URLSuffix' },
        ],
      ],
    });
  });

  it('caches no answer of the API: they depend on the caller token', () => {
    expect(apiBehavior()?.CachePolicyId).toBe(CACHING_DISABLED);
  });

  it('forwards every viewer header but Host, so the JWT authorizer receives Authorization', () => {
    expect(apiBehavior()?.OriginRequestPolicyId).toBe(ALL_VIEWER_EXCEPT_HOST_HEADER);
  });

  it('lets every method of the API through', () => {
    expect([...(apiBehavior()?.AllowedMethods ?? [])].sort()).toEqual(
      ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'].sort(),
    );
  });

  it('has no custom error response, which would rewrite the API problem+json answers', () => {
    expect(config.CustomErrorResponses).toBeUndefined();
  });

  it('serves nothing else than the site, the open data and /v1/*: no route for the local shortcuts', () => {
    // The open data first: CloudFront takes the first pattern that matches, and /v1/* would.
    expect(config.CacheBehaviors?.map((behavior) => behavior.PathPattern)).toEqual([
      OPEN_DATA_PATH_PATTERN,
      API_PATH_PATTERN,
    ]);
    const routes = Object.values(synth.template.findResources('AWS::ApiGatewayV2::Route')).map(
      (route) => route.Properties.RouteKey as string,
    );
    expect(routes.length).toBeGreaterThan(0);
    expect(routes.filter((key) => key.includes('/local'))).toEqual([]);
  });

  it('lets batch uploads past the web ACL body size rule, which now only counts', () => {
    const [acl] = Object.values(Template.fromStack(synth.edge).findResources('AWS::WAFv2::WebACL'));
    const rules = acl?.Properties.Rules as {
      Name: string;
      Statement: { ManagedRuleGroupStatement?: unknown };
    }[];
    const common = rules.find((rule) => rule.Name === 'AWSManagedRulesCommonRuleSet');
    expect(common?.Statement.ManagedRuleGroupStatement).toMatchObject({
      RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
    });
  });
});
