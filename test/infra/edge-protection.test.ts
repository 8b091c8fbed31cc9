import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EDGE_REGION,
  PER_IP_REQUESTS_PER_WINDOW,
  RATE_WINDOW_SECONDS,
  WEB_ACL_RULES,
} from '../../infra/edge-protection.ts';
import { LOG_RETENTION } from '../../infra/logs.ts';
import { type Synthesized, synthesizeService } from './synthesize.ts';

const WEB_ACL = 'AWS::WAFv2::WebACL';

interface Rule {
  Name: string;
  Priority: number;
  Statement: {
    ManagedRuleGroupStatement?: { VendorName: string; Name: string };
    RateBasedStatement?: { AggregateKeyType: string; Limit: number; EvaluationWindowSec: number };
  };
  OverrideAction?: unknown;
  Action?: {
    Block?: {
      CustomResponse?: {
        ResponseCode: number;
        CustomResponseBodyKey: string;
        ResponseHeaders: { Name: string; Value: string }[];
      };
    };
  };
}

describe('the web ACL of the website', () => {
  let synth: Synthesized;
  let edge: Template;
  let aclId: string;
  let acl: {
    Scope: string;
    DefaultAction: unknown;
    Rules: Rule[];
    CustomResponseBodies: Record<string, { Content: string; ContentType: string }>;
  };
  const rule = (name: string) => {
    const found = acl.Rules.find((r) => r.Name === name);
    if (!found) throw new Error(`no rule ${name}`);
    return found;
  };
  beforeAll(() => {
    synth = synthesizeService();
    edge = Template.fromStack(synth.edge);
    aclId = synth.edge.resolve((synth.edge.webAcl as CfnElement).logicalId) as string;
    acl = edge.findResources(WEB_ACL)[aclId]?.Properties;
  });
  afterAll(() => synth?.dispose());

  it('is the one web ACL, of scope CLOUDFRONT, in a stack of its own in us-east-1', () => {
    edge.resourceCountIs(WEB_ACL, 1);
    synth.template.resourceCountIs(WEB_ACL, 0);
    expect(synth.edge.region).toBe(EDGE_REGION);
    expect(EDGE_REGION).toBe('us-east-1');
    expect(acl.Scope).toBe('CLOUDFRONT');
    expect(acl.DefaultAction).toEqual({ Allow: {} });
  });

  it('has exactly the rate rule and the two AWS managed rule groups, each with its metrics', () => {
    expect(acl.Rules.map((r) => r.Name)).toEqual([
      'PerIpRateLimit',
      'AWSManagedRulesKnownBadInputsRuleSet',
      'AWSManagedRulesCommonRuleSet',
    ]);
    expect(new Set(acl.Rules.map((r) => r.Priority)).size).toBe(acl.Rules.length);
    for (const r of acl.Rules)
      expect(r).toMatchObject({
        VisibilityConfig: {
          CloudWatchMetricsEnabled: true,
          MetricName: r.Name,
          SampledRequestsEnabled: true,
        },
      });
  });

  it.each([[WEB_ACL_RULES.common], [WEB_ACL_RULES.knownBadInputs]])(
    'applies %s as AWS wrote it (its blocks block), but for the body size rule, which only counts',
    (name) => {
      expect(rule(name)).toMatchObject({
        Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: name } },
        OverrideAction: { None: {} },
      });
      // Batch uploads (CSV, .xlsx) reach the API through the distribution and exceed its 8 KB.
      const overrides: unknown = (
        rule(name).Statement.ManagedRuleGroupStatement as { RuleActionOverrides?: unknown }
      )?.RuleActionOverrides;
      expect(overrides).toEqual(
        name === WEB_ACL_RULES.common
          ? [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]
          : undefined,
      );
    },
  );

  it('answers 429 with a problem+json and Retry-After to an address over its per-IP rate', () => {
    const rate = rule(WEB_ACL_RULES.rate);
    expect(rate.Statement.RateBasedStatement).toEqual({
      AggregateKeyType: 'IP',
      Limit: PER_IP_REQUESTS_PER_WINDOW,
      EvaluationWindowSec: RATE_WINDOW_SECONDS,
    });
    const response = rate.Action?.Block?.CustomResponse;
    expect(response?.ResponseCode).toBe(429);
    expect(response?.ResponseHeaders).toEqual([{ Name: 'retry-after', Value: String(RATE_WINDOW_SECONDS) }]);
    const body = acl.CustomResponseBodies[response?.CustomResponseBodyKey ?? ''];
    expect(body?.ContentType).toBe('APPLICATION_JSON');
    expect(JSON.parse(body?.Content ?? '{}')).toMatchObject({
      status: 429,
      code: 'too_many_requests',
      message: { zh: expect.stringMatching(/[\u4e00-\u9fff]/), en: expect.any(String) },
    });
  });

  it('lets one address use at most a tenth of the API stage’s own throttle', () => {
    // The API stage caps everyone together; one address within the ACL's limit must not be
    // able to use that cap up by itself (infra/http-api.ts).
    const stage = Object.values(synth.template.findResources('AWS::ApiGatewayV2::Stage'))[0];
    const stageRate = stage?.Properties.DefaultRouteSettings.ThrottlingRateLimit as number;
    const perAddressRate = PER_IP_REQUESTS_PER_WINDOW / RATE_WINDOW_SECONDS;
    expect(perAddressRate).toBeGreaterThan(1);
    expect(perAddressRate).toBeLessThanOrEqual(stageRate / 10);
  });

  it('is the web ACL of the distribution, its ARN read from the us-east-1 stack at deploy time', () => {
    const distributionId = synth.logicalId(synth.stack.website.distribution);
    const distribution = synth.template.findResources('AWS::CloudFront::Distribution')[distributionId];
    const reference = distribution?.Properties.DistributionConfig.WebACLId as {
      'Fn::GetStackOutput': { StackName: string; Region: string; OutputName: string };
    };
    const { StackName, Region, OutputName } = reference['Fn::GetStackOutput'];
    expect([StackName, Region]).toEqual([synth.edge.stackName, 'us-east-1']);
    expect(edge.toJSON().Outputs[OutputName]).toEqual({ Value: { 'Fn::GetAtt': [aclId, 'Arn'] } });
    // So CloudFormation deploys the ACL's stack first.
    expect(synth.stack.dependencies).toContain(synth.edge);
  });

  it('logs what it blocks or counts for a year, never the Authorization header', () => {
    const groups = Object.entries(edge.findResources('AWS::Logs::LogGroup'));
    expect(groups).toHaveLength(1);
    const [groupId, group] = groups[0] ?? [];
    expect(group?.Properties.LogGroupName).toMatch(/^aws-waf-logs-/);
    expect(group?.Properties.RetentionInDays).toBe(LOG_RETENTION);
    edge.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      ResourceArn: { 'Fn::GetAtt': [aclId, 'Arn'] },
      LogDestinationConfigs: [
        {
          'Fn::Join': [
            '',
            ['arn:aws:logs:us-east-1:', { Ref: 'AWS::AccountId' }, ':log-group:', { Ref: groupId }],
          ],
        },
      ],
      RedactedFields: [{ SingleHeader: { Name: 'authorization' } }],
      LoggingFilter: {
        DefaultBehavior: 'DROP',
        Filters: [
          {
            Behavior: 'KEEP',
            Requirement: 'MEETS_ANY',
            Conditions: [{ ActionCondition: { Action: 'BLOCK' } }, { ActionCondition: { Action: 'COUNT' } }],
          },
        ],
      },
    });
  });
});
