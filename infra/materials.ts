import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { ServiceFunction } from './service-function.ts';

/**
 * How long a filing's files are kept after their upload: five years, the time an
 * administrative case file of the agency is commonly kept, and longer than any objection or
 * repair can stay open (DOMAIN.md sets no period for the files themselves; a district that
 * must keep them longer changes this one number).
 */
export const MATERIAL_RETENTION_DAYS = 5 * 366;

/** The key prefix every material lives under (shared/domain/materials/rules.ts materialKey). */
const PREFIX = 'materials/';
/** Where issued credit reports are kept (shared/domain/reports/use-cases.ts), as issued. */
const REPORTS_PREFIX = 'reports/';

/**
 * The private bucket of objection evidence and repair materials. The browser reaches it only
 * through presigned links (shared/files/s3-material-files.ts); the functions that hand them
 * out may sign, read and delete under materials/ and nothing else. Issued credit reports are
 * kept under reports/, written and read by the reports function only. Encryption is S3-managed:
 * a KMS key would add nothing an attacker without the bucket's permissions lacks, and every
 * presigned download would need a kms:Decrypt grant of its own.
 */
export class ServiceMaterials extends Construct {
  readonly bucket: Bucket;

  constructor(
    scope: Construct,
    id: string,
    props: {
      /** The functions that serve the material routes (objections, repairs). */
      readonly functions: readonly ServiceFunction[];
      /** The function that writes credit reports and links to them (reports/, never deleted). */
      readonly reports: ServiceFunction;
      /** The site's origin, the only one whose pages may send files (CORS). */
      readonly siteOrigin: string;
      readonly logBucket: Bucket;
    },
  ) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 's3/materials/',
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { prefix: PREFIX, expiration: Duration.days(MATERIAL_RETENTION_DAYS) },
        { prefix: REPORTS_PREFIX, expiration: Duration.days(MATERIAL_RETENTION_DAYS) },
      ],
      cors: [
        {
          allowedOrigins: [props.siteOrigin],
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
          // What an upload link signs besides the host (content-length the browser sets).
          allowedHeaders: ['content-type', 'x-amz-checksum-sha256'],
          maxAge: 600,
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const objects = this.bucket.arnForObjects(`${PREFIX}*`);
    for (const fn of props.functions) {
      fn.addEnvironment('FILES_BUCKET', this.bucket.bucketName);
      // Exactly three actions (CDK's grantRead/grantPut add List* and GetObject* wildcards):
      // signing an upload link needs PutObject; checking it, GetObject; refusing it, DeleteObject.
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'],
          resources: [objects],
        }),
      );
      if (fn.role) {
        const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket);
        Validations.of(fn.role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/materials/*]`,
          reason:
            'The objects of one filing are named materials/<filing id>/<n>, made when it is filed: ' +
            'the function can only reach them by prefix. The wildcard covers the materials of ' +
            'this bucket and nothing else.',
        });
      }
    }
    this.grantReports(props.reports);
  }

  /** A report is written once and read through links: PutObject and GetObject under reports/. */
  private grantReports(fn: ServiceFunction): void {
    fn.addEnvironment('FILES_BUCKET', this.bucket.bucketName);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject'],
        resources: [this.bucket.arnForObjects(`${REPORTS_PREFIX}*`)],
      }),
    );
    if (!fn.role) return;
    const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/reports/*]`,
      reason:
        'Each report is named reports/<number>.<format> when it is issued: the function reaches ' +
        'them by prefix. The wildcard covers the reports of this bucket and nothing else.',
    });
  }
}
