import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  type Distribution,
  OriginRequestPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { FunctionUrlOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FunctionUrlAuthType, InvokeMode } from 'aws-cdk-lib/aws-lambda';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { ServiceFunction } from './service-function.ts';

/** The site's path of the open-data files; CloudFront sends it to the streaming function. */
export const OPEN_DATA_PATH_PATTERN = '/v1/open-data/*';
/** Where the daily snapshots are kept in the files bucket. */
const SNAPSHOT_PREFIX = 'open-data/';

export interface OpenDataProps {
  /** The `open-data` group's function (shared/http/routes.ts: streaming). */
  readonly function: ServiceFunction;
  readonly distribution: Distribution;
  readonly logBucket: Bucket;
}

/** How long a daily snapshot is kept: the manifest names the last 31; a quarter to spare. */
const SNAPSHOT_RETENTION_DAYS = 90;

/**
 * Open data leaves through Lambda response streaming: API Gateway buffers an answer and cuts
 * it at 6 MB and 30 s, which a whole register exceeds. The `open-data` function has a function
 * URL in RESPONSE_STREAM mode that only CloudFront may call (IAM auth, signed by an origin
 * access control), and the site serves it under /v1/open-data/* like the rest of the API: a
 * behaviour added before the API's /v1/*, since CloudFront takes the first pattern that matches.
 * The daily snapshot is written by the sweeps function under open-data/ of a private bucket of
 * its own and read through short-lived presigned links the open-data function signs. Its own
 * bucket, not the materials one: that one's CORS names the distribution, which names this
 * function's URL, so the function could not name that bucket without a cycle.
 */
export class ServiceOpenData extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: OpenDataProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 's3/open-data/',
      lifecycleRules: [{ prefix: SNAPSHOT_PREFIX, expiration: Duration.days(SNAPSHOT_RETENTION_DAYS) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const bucket = this.bucket;
    const url = props.function.addFunctionUrl({
      authType: FunctionUrlAuthType.AWS_IAM,
      invokeMode: InvokeMode.RESPONSE_STREAM,
    });
    props.distribution.addBehavior(OPEN_DATA_PATH_PATTERN, FunctionUrlOrigin.withOriginAccessControl(url), {
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      // The register changes all day: every download is read afresh.
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      compress: true,
    });

    const snapshots = bucket.arnForObjects(`${SNAPSHOT_PREFIX}*`);
    props.function.addEnvironment('FILES_BUCKET', bucket.bucketName);
    props.function.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [snapshots] }),
    );
    this.acknowledgePrefix(props.function);
  }

  /** The function that writes the daily snapshots (the sweeps): PutObject under open-data/ only. */
  writtenBy(fn: ServiceFunction): void {
    fn.addEnvironment('FILES_BUCKET', this.bucket.bucketName);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`${SNAPSHOT_PREFIX}*`)],
      }),
    );
    this.acknowledgePrefix(fn);
  }

  private acknowledgePrefix(fn: ServiceFunction): void {
    if (!fn.role) return;
    const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/open-data/*]`,
      reason:
        'The snapshots are named open-data/disclosures-<date>.csv, one a day: the function reaches ' +
        'them by prefix, in this bucket only.',
    });
  }
}
