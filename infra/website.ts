import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { NOT_FOUND_PAGE, WEB_SECURITY_HEADERS } from '../local/static-files.ts';
import { LOG_RETENTION } from './logs.ts';
import { WEB_DIR } from './paths.ts';
import { responseHeadersBehavior } from './website-headers.ts';

/**
 * Page paths as the local server reads them (local/static-files.ts): `/account` is
 * `account.html`, a path ending in `/` its `index.html`; files with an extension as they are.
 * An address with no file (the site's files are listed here at synthesis; the deploy adds
 * config.json) is answered by the function itself: the Chinese 404 page with status 404, as
 * the local server answers it. Not by the distribution's custom error responses: those apply
 * to every behaviour and would turn the API's problem+json 403/404 (/v1/*) into this page.
 * CloudFront Functions runtime 2.0 (ES 5.1 plus a few later features): `var`; at most 10 KB.
 */
export function pagePathsCode(files: readonly string[], notFoundPage: string): string {
  const known = Object.fromEntries([...files, '/config.json'].map((f) => [f, 1]));
  const headers = Object.fromEntries(
    Object.entries({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-cache',
      ...WEB_SECURITY_HEADERS,
    }).map(([name, value]) => [name, { value }]),
  );
  return `var FILES = ${JSON.stringify(known)};
var NOT_FOUND = ${JSON.stringify({ statusCode: 404, statusDescription: 'Not Found', headers, body: { encoding: 'text', data: notFoundPage } })};
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.charAt(uri.length - 1) === '/') {
    uri = uri + 'index.html';
  } else if (uri.lastIndexOf('.') < uri.lastIndexOf('/')) {
    uri = uri + '.html';
  }
  if (!FILES[uri]) return NOT_FOUND;
  request.uri = uri;
  return request;
}`;
}

/** Every file of the site as CloudFront sees its path: `/css/site.css`, `/index.html`. */
export function siteFilePaths(dir: string = WEB_DIR): string[] {
  return readdirSync(websiteFiles(dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')}`)
    .sort();
}

/** The paths CloudFront sends to the HTTP API rather than to the site bucket. */
export const API_PATH_PATTERN = '/v1/*';

/** The site's files, checked before synthesis bundles them so a missing folder says so. */
export function websiteFiles(dir: string = WEB_DIR): string {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new Error(
      `the website's files are missing: ${dir} must be the web/ folder of the repository ` +
        '(it may be empty, but it must exist); restore it before cdk synth or deploy',
    );
  return dir;
}

export interface ServiceWebsiteProps {
  /** The web ACL in front of the distribution: scope CLOUDFRONT, so in us-east-1 (infra/edge-protection.ts). */
  readonly webAclArn: string;
  /** The folder of the site's files as deployed (infra/site-files.ts): web/ unless configured. */
  readonly siteDir?: string;
}

/**
 * Where the public website lives on AWS: a private bucket, read only by CloudFront through an
 * Origin Access Control, and a log bucket for both. WebsiteDeployment
 * (infra/website-deployment.ts) puts the files in, once the API and sign-in they point to exist.
 *
 * Both buckets are retained when the stack goes, like every other store of the stack
 * (table, user pool, logs): the logs are evidence of who fetched what, and the site bucket
 * holds only files rebuilt from web/ at every deploy, a few cents a month to keep. Emptying
 * it on deletion (autoDeleteObjects) would need one more Lambda with delete rights on the
 * bucket, run by a custom resource — more to trust than an orphaned bucket costs.
 */
export class ServiceWebsite extends Construct {
  readonly bucket: Bucket;
  readonly logBucket: Bucket;
  readonly distribution: Distribution;
  readonly responseHeadersPolicy: ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: ServiceWebsiteProps) {
    super(scope, id);
    this.logBucket = new Bucket(this, 'LogBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered under an ACL grant, so ACLs must be on;
      // S3 access logs come in through the bucket policy CDK writes.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      // As long as the service's log groups keep their lines (infra/logs.ts).
      lifecycleRules: [{ expiration: Duration.days(LOG_RETENTION) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // A bad deploy can be rolled back by restoring the previous versions of its files.
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3/site/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // The same headers the local server sends (local/static-files.ts), from the same constant.
    this.responseHeadersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Security headers of the disclosure website (WEB_SECURITY_HEADERS)',
      ...responseHeadersBehavior(WEB_SECURITY_HEADERS),
    });

    const pagePaths = new EdgeFunction(this, 'PagePaths', {
      code: FunctionCode.fromInline(
        pagePathsCode(
          siteFilePaths(props.siteDir),
          readFileSync(join(props.siteDir ?? WEB_DIR, NOT_FOUND_PAGE), 'utf8'),
        ),
      ),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Serves /name from name.html and /dir/ from dir/index.html; the 404 page for no file',
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Public website of the disclosure service',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        responseHeadersPolicy: this.responseHeadersPolicy,
        functionAssociations: [{ function: pagePaths, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // All edge locations: the cheaper classes leave out most of Asia, where the users are.
      priceClass: PriceClass.PRICE_CLASS_ALL,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      webAclId: props.webAclArn,
    });
    this.acknowledgeDistribution();
  }

  /**
   * Serves the HTTP API under the site's own origin, `/v1/*`, so the site calls relative URLs
   * and every answer, including a 401 from the JWT authorizer, reaches the page as a
   * same-origin response. Nothing is cached: answers depend on the caller's token. With
   * caching disabled, ALL_VIEWER_EXCEPT_HOST_HEADER forwards Authorization (CloudFront
   * refuses it in an origin request policy otherwise); Host stays CloudFront's, since API
   * Gateway routes on its own host name and answers 403 to a foreign one. The distribution
   * has no custom error responses (they are distribution-wide and would rewrite the API's
   * problem+json 403/404 into the site's pages); a missing page is the page-path function's
   * 404 page.
   */
  serveApi(apiDomainName: string): void {
    this.distribution.addBehavior(
      API_PATH_PATTERN,
      new HttpOrigin(apiDomainName, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
      {
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        compress: true,
      },
    );
  }

  /** `https://<distribution>.cloudfront.net`, without a trailing slash. */
  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }

  private acknowledgeDistribution(): void {
    const acknowledge = (id: string, reason: string) =>
      Validations.of(this.distribution).acknowledge({ id, reason });
    acknowledge(
      'AwsSolutions-CFR1',
      'No geo restriction on purpose: the site is the public credit register, which anyone, ' +
        'anywhere, may read (ARCHITECTURE.md); it serves static files only.',
    );
    acknowledge(
      'AwsSolutions-CFR4',
      'The distribution uses its default *.cloudfront.net certificate, whose security policy ' +
        'CloudFront fixes (TLSv1) and no setting can raise; a minimum of TLS 1.2 needs a custom ' +
        'domain with an ACM certificate in us-east-1, which the service does not have yet. ' +
        'Viewers are still redirected to HTTPS, and browsers negotiate TLS 1.2 or 1.3.',
    );
  }
}
