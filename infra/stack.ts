import { Aws, CfnOutput, Duration, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import type { IBackupVault } from 'aws-cdk-lib/aws-backup';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { FUNCTION_GROUPS, type FunctionGroup } from '../shared/http/routes.ts';
import { SITE_SETTINGS, type SiteConfig } from '../shared/site/site-config.ts';
import { ServiceAlarms } from './alarms.ts';
import { ApiAlarms } from './api-alarms.ts';
import { ServiceAuth } from './auth.ts';
import { ServiceBackup } from './backup.ts';
import { ServiceDashboard } from './dashboard.ts';
import { ServiceEvents } from './events.ts';
import { ServiceApi } from './http-api.ts';
import { ServiceMaterials } from './materials.ts';
import { pascal } from './names.ts';
import { DEFAULT_MAIL_DOMAIN, ServiceNotifications } from './notifications.ts';
import { ServiceOpenData } from './open-data.ts';
import { ServiceFunction } from './service-function.ts';
import { siteDirectory } from './site-files.ts';
import { serviceTable } from './table.ts';
import { SweepTimers } from './timers.ts';
import { ServiceWebsite } from './website.ts';
import { WebsiteDeployment } from './website-deployment.ts';

export interface DisclosureServiceStackProps extends StackProps {
  /** Origins of the website, for the sign-in callback; defaults to the local server. */
  readonly webOrigins?: readonly string[];
  /** Subdomain of the managed sign-in pages; defaults to one made unique by the account id. */
  readonly authDomainPrefix?: string;
  /** The policy switch for overdue records (see SweepTimersProps); on by default. */
  readonly autoPublishOverdue?: boolean;
  /** ARN of the website's web ACL, scope CLOUDFRONT, in us-east-1 (EdgeProtectionStack). */
  readonly webAclArn: string;
  /** The vault in another region the table's backups are copied to (BackupCopyStack). */
  readonly backupCopyVault: IBackupVault;
  /** The domain the service mails from, verified in SES; DEFAULT_MAIL_DOMAIN (unverifiable) if unset. */
  readonly mailDomain?: string;
  /** The district the site and the mails name (shared/site/site-config.ts); 济阳区 if unset. */
  readonly site?: SiteConfig;
  /**
   * The city's credit platform: its base URL and the Secrets Manager secret with its token
   * (`{"token": "…"}`). Unset: nothing is pushed; pushes wait, pending, until it is set.
   */
  readonly upstream?: { readonly url: string; readonly secretArn: string };
}

/** The local server's address (local/config.ts), so sign-in works against `npm start`. */
const LOCAL_WEB_ORIGIN = 'http://localhost:3000';

/**
 * Table, sign-in, one function per group of FUNCTION_GROUPS and the HTTP API over them; the
 * sweep timers, the event bus fed from the table's outbox; the public website behind
 * CloudFront and its web ACL; the table's daily backup with its copy in another region; the
 * alarms on all of it and a dashboard.
 */
export class DisclosureServiceStack extends Stack {
  readonly table: TableV2;
  readonly functions: Readonly<Record<FunctionGroup, ServiceFunction>>;
  readonly preTokenFunction: ServiceFunction;
  readonly auth: ServiceAuth;
  readonly api: ServiceApi;
  readonly alarms: ServiceAlarms;
  readonly timers: SweepTimers;
  readonly events: ServiceEvents;
  readonly website: ServiceWebsite;
  readonly websiteDeployment: WebsiteDeployment;
  readonly apiAlarms: ApiAlarms;
  readonly dashboard: ServiceDashboard;
  readonly backup: ServiceBackup;
  readonly notifications: ServiceNotifications;
  readonly materials: ServiceMaterials;
  readonly openData: ServiceOpenData;

  constructor(scope: Construct, id: string, props: DisclosureServiceStackProps) {
    super(scope, id, props);
    this.table = serviceTable(this, 'Table');
    this.functions = this.apiFunctions();

    this.preTokenFunction = new ServiceFunction(this, 'PreTokenFunction', {
      name: 'pre-token',
      description: 'Cognito trigger: copies role, agency and uscc into the ID token',
      // Cognito waits 5 s for a trigger; the copy needs no data and little memory.
      timeout: Duration.seconds(5),
      memorySize: 256,
    });
    // Before sign-in: the web client must accept the distribution's URL as a return URL.
    // No cycle: the distribution depends on its buckets only; the files (config.json) are
    // deployed after the API and the client exist.
    const siteDir = siteDirectory(props.site);
    this.website = new ServiceWebsite(this, 'Website', { webAclArn: props.webAclArn, siteDir });
    this.auth = new ServiceAuth(this, 'Auth', {
      preTokenGeneration: this.preTokenFunction,
      webOrigins: props.webOrigins ?? [LOCAL_WEB_ORIGIN],
      redirectUrls: [`${this.website.url}/`, `${this.website.url}/account`],
      domainPrefix: props.authDomainPrefix ?? Fn.join('-', ['disclosure', Aws.ACCOUNT_ID]),
    });
    // CORS needs nothing here: the handlers answer any origin (shared/http/cors.ts, origin
    // '*'; no cookie carries credentials), so the site's CloudFront origin is allowed as is.
    this.api = new ServiceApi(this, 'Api', {
      functions: this.functions,
      userPool: this.auth.userPool,
      webClient: this.auth.webClient,
    });
    // Before /v1/*: CloudFront takes the first behaviour whose pattern matches.
    this.openData = new ServiceOpenData(this, 'OpenData', {
      function: this.functions['open-data'],
      distribution: this.website.distribution,
      logBucket: this.website.logBucket,
    });
    this.website.serveApi(`${this.api.api.apiId}.execute-api.${this.region}.${this.urlSuffix}`);
    // The QR code of a credit report leads to the site's verification page. No cycle: the
    // distribution depends on the HTTP API itself, not on the functions behind its routes.
    this.functions.reports.addEnvironment('SITE_URL', this.website.url);
    this.materials = new ServiceMaterials(this, 'Materials', {
      functions: [this.functions.objections, this.functions.repairs],
      reports: this.functions.reports,
      siteOrigin: this.website.url,
      logBucket: this.website.logBucket,
    });
    this.websiteDeployment = new WebsiteDeployment(this, 'WebsiteDeployment', {
      website: this.website,
      siteDir,
      config: {
        // The API is served under the site's own origin (ServiceWebsite.serveApi): the site
        // calls relative /v1/… URLs.
        apiBaseUrl: '',
        auth: {
          mode: 'cognito',
          domain: this.auth.domain.baseUrl().replace(/^https:\/\//, ''),
          clientId: this.auth.webClient.userPoolClientId,
          redirectUri: `${this.website.url}/account`,
        },
      },
    });

    this.alarms = new ServiceAlarms(this, 'Alarms');
    this.timers = new SweepTimers(this, 'Timers', {
      table: this.table,
      alarms: this.alarms,
      autoPublishOverdue: props.autoPublishOverdue ?? true,
    });
    this.events = new ServiceEvents(this, 'Events', { table: this.table, alarms: this.alarms });
    // No cycle through SITE_URL: the distribution depends on the API, never on the sweeps function.
    this.notifications = new ServiceNotifications(this, 'Notifications', {
      table: this.table,
      alarms: this.alarms,
      sender: this.timers.function,
      mailDomain: props.mailDomain ?? DEFAULT_MAIL_DOMAIN,
      siteUrl: this.website.url,
    });
    this.openData.writtenBy(this.timers.function);
    // The city's credit platform (shared/upstream/from-env.ts): without it, pushes wait pending.
    if (props.upstream) {
      this.timers.function.addEnvironment('UPSTREAM_URL', props.upstream.url);
      this.timers.function.addEnvironment('UPSTREAM_SECRET_ARN', props.upstream.secretArn);
      Secret.fromSecretCompleteArn(this, 'UpstreamSecret', props.upstream.secretArn).grantRead(
        this.timers.function,
      );
    }
    // The mails sign with the district's site name too (shared/mail/from-env.ts).
    if (props.site) this.timers.function.addEnvironment(SITE_SETTINGS.name, props.site.name);
    this.backup = new ServiceBackup(this, 'Backup', {
      table: this.table,
      copyVault: props.backupCopyVault,
      alarms: this.alarms,
    });
    this.apiAlarms = new ApiAlarms(this, 'ApiAlarms', {
      api: this.api.api,
      functions: this.functions,
      alarms: this.alarms,
    });
    // Last, so that the alarm widget lists every alarm made above.
    this.dashboard = new ServiceDashboard(this, 'Dashboard', {
      api: this.api.api,
      functions: { ...this.functions, 'pre-token': this.preTokenFunction, sweeps: this.timers.function },
      deadLetterQueues: { sweeps: this.timers.deadLetterQueue, events: this.events.deadLetterQueue },
      alarms: this.alarms.alarms,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.webClient.userPoolClientId });
    new CfnOutput(this, 'SignInUrl', {
      value: this.auth.domain.baseUrl(),
      description: 'Managed sign-in pages of the user pool',
    });
    new CfnOutput(this, 'WebsiteUrl', {
      value: this.website.url,
      description: 'The public website (CloudFront)',
    });
    new CfnOutput(this, 'DashboardName', {
      value: this.dashboard.dashboard.dashboardName,
      description: 'CloudWatch dashboard of the service',
    });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'BackupVaultName', {
      value: this.backup.vault.backupVaultName,
      description: 'AWS Backup vault of the daily backups (the copy region has one of the same name)',
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarms.topic.topicArn,
      description: 'Subscribe to this SNS topic to receive the service alarms',
    });
    new CfnOutput(this, 'EventBusName', {
      value: this.events.bus.eventBusName,
      description: 'EventBridge bus with the domain events (source disclosure-service)',
    });
  }

  private apiFunctions(): Record<FunctionGroup, ServiceFunction> {
    const groups = Object.keys(FUNCTION_GROUPS) as FunctionGroup[];
    const entries = groups.map((group) => {
      const spec: (typeof FUNCTION_GROUPS)[FunctionGroup] & { timeoutSeconds?: number; memoryMb?: number } =
        FUNCTION_GROUPS[group];
      const fn = new ServiceFunction(this, `${pascal(group)}Function`, {
        name: group,
        description: spec.description,
        ...(spec.data === 'none' ? {} : { table: this.table, tableAccess: spec.data }),
        ...(spec.timeoutSeconds ? { timeout: Duration.seconds(spec.timeoutSeconds) } : {}),
        ...(spec.memoryMb ? { memorySize: spec.memoryMb } : {}),
      });
      return [group, fn] as const;
    });
    return Object.fromEntries(entries) as Record<FunctionGroup, ServiceFunction>;
  }
}
