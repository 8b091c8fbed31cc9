import { ArnFormat, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { problemBody } from '../shared/http/problem.ts';
import { LOG_RETENTION } from './logs.ts';

/**
 * CloudFront takes only web ACLs of scope CLOUDFRONT, and AWS keeps those in us-east-1
 * whatever region the distribution's stack is deployed to.
 */
export const EDGE_REGION = 'us-east-1';

/** WAF's window for counting a rate-based rule's requests (60, 120, 300 or 600 s). */
export const RATE_WINDOW_SECONDS = 300;

/**
 * Requests one IP address may send in RATE_WINDOW_SECONDS before the web ACL answers 429.
 *
 * Sized from the benchmark (README, Performance; bench/results.json): one instance of the
 * service sustains about 866 public reads/s but only 78 writes/s (`write_rps`, registrations,
 * each one transaction), and one client with a few dozen connections reaches either figure
 * on its own — so a single address can take a whole instance. The limit lets one address have
 * a tenth of the slower path, 78 req/s × 0.1 × 300 s = 2,340 per five minutes (7.8 req/s
 * sustained): ten abusive addresses are needed to reach what one instance measured, while a
 * reader (a page is its HTML and one to three API calls; the files are cached) can open about
 * 90 pages a minute for five minutes, and an office of twenty staff behind one NAT working at
 * ten pages a minute each stays under a tenth of it. The slower path counts because once the
 * workbench serves the API under the same origin (issue 21, defect 11), writes come through
 * this ACL too. Re-derive it when `npm run bench` moves those figures by more than a factor.
 */
export const PER_IP_REQUESTS_PER_WINDOW = 2_340;

/** The web ACL's rules, in the order WAF evaluates them: cheapest first. */
export const WEB_ACL_RULES = {
  rate: 'PerIpRateLimit',
  knownBadInputs: 'AWSManagedRulesKnownBadInputsRuleSet',
  common: 'AWSManagedRulesCommonRuleSet',
} as const;

/** The problem+json a rate-limited caller gets, in the shape of every other error answer. */
const RATE_LIMITED_BODY = 'TooManyRequests';
export const RATE_LIMITED_PROBLEM = problemBody(
  {
    status: 429,
    code: 'too_many_requests',
    messages: {
      zh: '来自该地址的请求过多，请稍后再试。',
      en: 'Too many requests from this address; try again later.',
    },
  },
  undefined,
);

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

/*
 * The managed groups as AWS wrote them, with one rule turned down: CloudFront serves the API
 * under the site's origin (/v1/*), and the common rule set's SizeRestrictions_BODY (8 KB)
 * would refuse batch uploads (bodies up to MAX_BODY_BYTES, shared/http/body.ts, which the API
 * enforces itself), so that rule only counts.
 */
export const COUNTED_RULES: Readonly<Record<string, readonly string[]>> = {
  AWSManagedRulesCommonRuleSet: ['SizeRestrictions_BODY'],
};

const managedRules = (name: string, priority: number): CfnWebACL.RuleProperty => ({
  name,
  priority,
  statement: {
    managedRuleGroupStatement: {
      vendorName: 'AWS',
      name,
      ...(COUNTED_RULES[name]
        ? {
            ruleActionOverrides: COUNTED_RULES[name].map((rule) => ({
              name: rule,
              actionToUse: { count: {} },
            })),
          }
        : {}),
    },
  },
  // A managed group's own actions (block) apply; `count` here would only watch.
  overrideAction: { none: {} },
  visibilityConfig: visibility(name),
});

/**
 * The web ACL of the website's CloudFront distribution, in us-east-1 (EDGE_REGION). The
 * service stack (another region) reads its ARN with a cross-region reference: cdk.json sets
 * `@aws-cdk/core:defaultCrossStackReferences` to `weak`, so CDK writes `Fn::GetStackOutput`
 * (CloudFormation reads this stack's output at deploy time) — no export, no custom resource,
 * and deploying the service stack deploys this one first.
 */
export class EdgeProtectionStack extends Stack {
  readonly webAcl: CfnWebACL;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, { ...props, env: { ...props.env, region: EDGE_REGION } });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: 'disclosure-website',
      description: 'Web ACL of the disclosure website, CloudFront scope',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('disclosure-website'),
      customResponseBodies: {
        [RATE_LIMITED_BODY]: {
          contentType: 'APPLICATION_JSON',
          content: JSON.stringify(RATE_LIMITED_PROBLEM),
        },
      },
      rules: [
        {
          name: WEB_ACL_RULES.rate,
          priority: 0,
          statement: {
            rateBasedStatement: {
              aggregateKeyType: 'IP',
              limit: PER_IP_REQUESTS_PER_WINDOW,
              evaluationWindowSec: RATE_WINDOW_SECONDS,
            },
          },
          action: {
            block: {
              customResponse: {
                responseCode: 429,
                customResponseBodyKey: RATE_LIMITED_BODY,
                // WAF lifts the block once the address's count over the window is back
                // under the limit: at the latest one window later.
                responseHeaders: [{ name: 'retry-after', value: String(RATE_WINDOW_SECONDS) }],
              },
            },
          },
          visibilityConfig: visibility(WEB_ACL_RULES.rate),
        },
        managedRules(WEB_ACL_RULES.knownBadInputs, 1),
        managedRules(WEB_ACL_RULES.common, 2),
      ],
    });

    // Security monitoring: what the ACL blocked or counted, kept as long as every other log of
    // the service. Requests it let through are in CloudFront's own access logs already.
    // WAF takes only log groups whose name starts with aws-waf-logs-.
    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName: 'aws-waf-logs-disclosure-website',
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // WAF wants the log group's ARN without the `:*` that LogGroup.logGroupArn ends with.
      logDestinationConfigs: [
        this.formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: this.logGroup.logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      // Tokens are credentials: never written to a log.
      redactedFields: [{ singleHeader: { Name: 'authorization' } }],
      loggingFilter: {
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
  }
}
