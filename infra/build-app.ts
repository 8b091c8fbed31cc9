import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { siteFrom } from '../shared/site/site-config.ts';
import { BackupCopyStack } from './backup.ts';
import { EdgeProtectionStack } from './edge-protection.ts';
import { DisclosureServiceStack } from './stack.ts';

export const STACK_NAME = 'DisclosureService';
export const EDGE_STACK_NAME = `${STACK_NAME}Edge`;
export const BACKUP_COPY_STACK_NAME = `${STACK_NAME}BackupCopy`;

/**
 * The service's region when neither `-c region=…` nor the credentials name one (an offline
 * `cdk synth`), and the copy region for it. Cross-region references need every stack's
 * region written down, so the stacks can no longer be environment-agnostic.
 */
export const DEFAULT_REGION = 'ap-northeast-1';
const DEFAULT_COPY_REGIONS = ['ap-southeast-1', 'ap-northeast-1'] as const;

export interface ServiceApp {
  readonly app: App;
  readonly stack: DisclosureServiceStack;
  readonly edge: EdgeProtectionStack;
  readonly backupCopy: BackupCopyStack;
}

/**
 * Builds the app without synthesizing it, so tests can inspect the stacks in memory.
 * Context `webOrigins` (comma-separated) and `authDomainPrefix` configure sign-in;
 * `autoPublishOverdue` (`true` unless set to `false`, e.g. `-c autoPublishOverdue=false`)
 * is the policy for records past their disclosure deadline (AUTO_PUBLISH_OVERDUE);
 * `mailDomain` (e.g. `-c mailDomain=credit.example.cn`) is the domain the service mails from
 * through SES, `noreply@<mailDomain>` (docs/notifications-aws.md); unset, a placeholder that
 * cannot be verified, so nothing is sent.
 *
 * Three stacks: the service in `region` (context, else the credentials' region, else
 * DEFAULT_REGION); its web ACL in us-east-1, where CloudFront's must be; the vault its
 * backups are copied to in `backupCopyRegion` (context, else one of DEFAULT_COPY_REGIONS that
 * is not the service's). The service stack reads their ARNs through cross-region references
 * (`Fn::GetStackOutput`, infra/edge-protection.ts), so `cdk deploy --all` deploys it last.
 * Both regions must keep the data in the same jurisdiction (e.g. cn-north-1 and
 * cn-northwest-1 for a deployment in China): the copy holds the whole register.
 *
 * cdk-nag 3 is a policy-validation plugin, not an aspect: it runs during synthesis and
 * fails it on any unacknowledged error; findings are acknowledged where they arise, with
 * `Validations.of(construct).acknowledge({ id, reason })`.
 */
export function buildApp(props: AppProps = {}): ServiceApp {
  const app = new App(props);
  const origins = app.node.tryGetContext('webOrigins') as string | undefined;
  const domainPrefix = app.node.tryGetContext('authDomainPrefix') as string | undefined;
  const autoPublish = flag('autoPublishOverdue', app.node.tryGetContext('autoPublishOverdue'));
  const mailDomain = app.node.tryGetContext('mailDomain') as string | undefined;
  // The city's credit platform: -c upstreamUrl=https://… -c upstreamSecretArn=arn:aws:secretsmanager:…
  const upstreamUrl = app.node.tryGetContext('upstreamUrl') as string | undefined;
  const upstreamSecretArn = app.node.tryGetContext('upstreamSecretArn') as string | undefined;
  if (Boolean(upstreamUrl) !== Boolean(upstreamSecretArn))
    throw new Error('give both upstreamUrl and upstreamSecretArn, or neither (no push)');
  // The district (shared/site/site-config.ts): -c siteName=… -c siteOfficeContact=… -c siteLegalNotice=…
  const siteContext = {
    SITE_NAME: app.node.tryGetContext('siteName') as string | undefined,
    SITE_OFFICE_CONTACT: app.node.tryGetContext('siteOfficeContact') as string | undefined,
    SITE_LEGAL_NOTICE: app.node.tryGetContext('siteLegalNotice') as string | undefined,
  };
  const site = Object.values(siteContext).some(Boolean) ? siteFrom(siteContext) : undefined;
  const region =
    (app.node.tryGetContext('region') as string | undefined) ??
    process.env.CDK_DEFAULT_REGION ??
    DEFAULT_REGION;
  const copyRegion =
    (app.node.tryGetContext('backupCopyRegion') as string | undefined) ??
    DEFAULT_COPY_REGIONS.find((candidate) => candidate !== region) ??
    DEFAULT_COPY_REGIONS[0];
  if (copyRegion === region)
    throw new Error(
      `backupCopyRegion must differ from the service's region (${region}): a copy in the same region survives nothing the original does not`,
    );
  const account = process.env.CDK_DEFAULT_ACCOUNT;
  const edge = new EdgeProtectionStack(app, EDGE_STACK_NAME, {
    description: 'Disclosure service: web ACL of the website (CloudFront scope, us-east-1)',
    env: { account },
  });
  const backupCopy = new BackupCopyStack(app, BACKUP_COPY_STACK_NAME, {
    description: 'Disclosure service: the locked vault the daily backups of the table are copied to',
    env: { account, region: copyRegion },
  });
  const stack = new DisclosureServiceStack(app, STACK_NAME, {
    description: 'Disclosure and objection service: HTTP API, Lambda, one DynamoDB table, Cognito',
    env: { account, region },
    webAclArn: edge.webAcl.attrArn,
    backupCopyVault: backupCopy.vault,
    ...(origins ? { webOrigins: origins.split(',').map((origin) => origin.trim()) } : {}),
    ...(domainPrefix ? { authDomainPrefix: domainPrefix } : {}),
    ...(autoPublish === undefined ? {} : { autoPublishOverdue: autoPublish }),
    ...(mailDomain ? { mailDomain } : {}),
    ...(site ? { site } : {}),
    ...(upstreamUrl && upstreamSecretArn
      ? { upstream: { url: upstreamUrl, secretArn: upstreamSecretArn } }
      : {}),
  });
  // The acknowledgments' reasons also go into each resource's template metadata (`cdk_nag`),
  // so a reviewer of the deployed template sees why a finding was accepted.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
  return { app, stack, edge, backupCopy };
}

/** A boolean context value: `true`/`false` from cdk.json, or the strings from `-c name=value`. */
function flag(name: string, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new Error(`context ${name} must be true or false, not ${JSON.stringify(value)}`);
}
