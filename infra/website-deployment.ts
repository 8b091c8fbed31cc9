import { Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { SingletonFunction } from 'aws-cdk-lib/aws-lambda';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { serviceLogGroup } from './logs.ts';
import { type ServiceWebsite, websiteFiles } from './website.ts';

/**
 * The site's runtime configuration, `/config.json`: the shape the local server writes
 * (local/http-server.ts) with `auth.mode = 'cognito'` and what the hosted sign-in needs.
 */
export interface WebsiteConfig {
  /**
   * The HTTP API's base URL, without a trailing slash (the site appends `/v1/…`); `''` on AWS,
   * where CloudFront serves the API under the site's own origin (ServiceWebsite.serveApi).
   */
  readonly apiBaseUrl: string;
  readonly auth: {
    readonly mode: 'cognito';
    /** The managed sign-in pages' host: `<prefix>.auth.<region>.amazoncognito.com`. */
    readonly domain: string;
    readonly clientId: string;
    /** Where Cognito sends the user back with the code: the site's `/account` page. */
    readonly redirectUri: string;
  };
}

export const CONFIG_FILE = 'config.json';

/**
 * Browsers ask again on every load (a 304 when nothing changed), so a new deploy is seen at
 * once; CloudFront keeps the files for a day, and every deploy invalidates its cache.
 */
const CACHE_CONTROL = [
  CacheControl.setPublic(),
  CacheControl.maxAge(Duration.seconds(0)),
  CacheControl.mustRevalidate(),
  CacheControl.sMaxAge(Duration.days(1)),
];

export interface WebsiteDeploymentProps {
  readonly website: ServiceWebsite;
  readonly config: WebsiteConfig;
  /** The folder to upload (infra/site-files.ts siteDirectory): web/ unless configured. */
  readonly siteDir?: string;
}

/**
 * Puts web/ and a generated config.json into the site bucket at every deploy, deletes files
 * no longer in web/, and invalidates CloudFront's cache. The API URL and the sign-in settings
 * are CloudFormation values, known only at deploy time: `Source.jsonData` resolves them then,
 * which is how the API URL reaches the site without a build step.
 */
export class WebsiteDeployment extends Construct {
  readonly deployment: BucketDeployment;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: WebsiteDeploymentProps) {
    super(scope, id);
    const logGroup = serviceLogGroup(this, 'Logs');
    // An own role, as for the service's functions (infra/service-function.ts): CDK's default
    // one would carry AWSLambdaBasicExecutionRole, which may write to every log group.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the website files into the site bucket and invalidates CloudFront',
    });
    logGroup.grantWrite(this.role);

    this.deployment = new BucketDeployment(this, 'Files', {
      sources: [Source.asset(props.siteDir ?? websiteFiles()), Source.jsonData(CONFIG_FILE, props.config)],
      destinationBucket: props.website.bucket,
      distribution: props.website.distribution,
      distributionPaths: ['/*'],
      cacheControl: CACHE_CONTROL,
      role: this.role,
      logGroup,
    });
    this.acknowledge(props.website);
  }

  /** What CDK's deployment handler brings, each acknowledged where it arises, with why it stays. */
  private acknowledge(website: ServiceWebsite): void {
    const singleton = this.deployment.node.findChild('CustomResourceHandler') as SingletonFunction;
    // The handler is one Lambda per stack, made at the stack's root by SingletonFunction.
    const handler = Stack.of(this).node.findChild(singleton.constructName);
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        "CDK's BucketDeployment handler (the AWS CLI's s3 sync in Python) is built and pinned by " +
        'aws-cdk-lib with the Python runtime it is tested on; it cannot be changed from here and ' +
        'moves to a newer runtime when aws-cdk-lib is upgraded. It runs only during deploys.',
    });

    const bucketArn = this.logicalIdOf(website.bucket.bucketArn);
    // The stack's region (and with it the partition) is written into the assets bucket's ARN
    // once it is known (infra/build-app.ts gives every stack its region); pseudo parameters
    // otherwise.
    const { region, partition } = Stack.of(this);
    const known = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
    const reasons: Record<string, string> = {
      'Resource::*':
        'BucketDeployment grants cloudfront:CreateInvalidation and GetInvalidation on "*" (its ' +
        'code, not configurable); the role is assumable by Lambda only and used by the deploy ' +
        'handler alone, to invalidate the site distribution after copying the files.',
      [`Resource::<${bucketArn}.Arn>/*`]:
        'The deploy handler syncs web/ into the site bucket: it writes, overwrites and deletes ' +
        'objects under any key of that one bucket, which is what the wildcard covers.',
      [`Resource::arn:${known(partition, 'Partition')}:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${known(region, 'Region')}/*`]:
        "Reading the zipped website from the CDK bootstrap assets bucket (the assets' keys are " +
        'content hashes known only at synthesis); read-only, and only that bucket.',
      'Action::s3:GetObject*':
        'grantRead/grantReadWrite of S3 give s3:GetObject* (object, version, ACL, tagging reads) ' +
        'on the assets bucket and the site bucket only; the deploy handler needs the reads.',
      'Action::s3:GetBucket*':
        'grantRead/grantReadWrite give s3:GetBucket* on the assets bucket and the site bucket ' +
        'only (location and settings reads that s3 sync makes).',
      'Action::s3:List*':
        's3 sync lists both buckets to compare them; List* is limited to the assets bucket and ' +
        'the site bucket.',
      'Action::s3:DeleteObject*':
        'prune: files removed from web/ are deleted from the site bucket (DeleteObject*, on that ' +
        'bucket only), so the site serves exactly web/ plus config.json.',
      'Action::s3:Abort*':
        'Aborting its own multipart uploads of large files, on the site bucket only (grantReadWrite).',
    };
    for (const [finding, reason] of Object.entries(reasons))
      Validations.of(this.role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
  }

  private logicalIdOf(arn: string): string {
    const resolved = Stack.of(this).resolve(arn) as { 'Fn::GetAtt'?: [string, string] };
    const logicalId = resolved['Fn::GetAtt']?.[0];
    if (!logicalId) throw new Error('the site bucket must be a bucket of this stack');
    return logicalId;
  }
}
