import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATERIAL_RETENTION_DAYS } from '../../infra/materials.ts';
import { type Synthesized, synthesizeService } from './synthesize.ts';

/*
 * S3 cannot run here: these read the synthesized template `cdk deploy` would send. What the
 * links enforce is in test/unit/materials/s3-material-files.test.ts; the same steps run
 * against the local store in test/e2e/materials.test.ts.
 */

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

describe('the materials bucket', () => {
  let synth: Synthesized;
  let bucketId: string;
  // biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are checked field by field
  let bucket: any;
  beforeAll(() => {
    synth = synthesizeService();
    bucketId = synth.logicalId(synth.stack.materials.bucket);
    bucket = synth.template.findResources('AWS::S3::Bucket')[bucketId]?.Properties;
  });
  afterAll(() => synth?.dispose());

  it('is private, encrypted, logged and kept as the retention rule says', () => {
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(
      bucket.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault,
    ).toEqual({
      SSEAlgorithm: 'AES256',
    });
    expect(bucket.LoggingConfiguration.LogFilePrefix).toBe('s3/materials/');
    expect(bucket.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
          Status: 'Enabled',
        }),
        expect.objectContaining({
          Prefix: 'materials/',
          ExpirationInDays: MATERIAL_RETENTION_DAYS,
          Status: 'Enabled',
        }),
      ]),
    );
  });

  it('refuses plain HTTP', () => {
    const policies = Object.values(synth.template.findResources('AWS::S3::BucketPolicy')).filter(
      (p) => JSON.stringify(p.Properties.Bucket) === JSON.stringify({ Ref: bucketId }),
    );
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement);

    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('takes uploads from the site only, with the headers a link signs', () => {
    const [rule] = bucket.CorsConfiguration.CorsRules;

    expect(rule.AllowedMethods.sort()).toEqual(['GET', 'PUT']);
    expect(rule.AllowedHeaders.sort()).toEqual(['content-type', 'x-amz-checksum-sha256']);
    expect(JSON.stringify(rule.AllowedOrigins)).toContain('DomainName');
    expect(JSON.stringify(rule.AllowedOrigins)).not.toContain('"*"');
  });

  it('is named to the objection, repair and report functions only, each under its own prefix', () => {
    const functions = synth.template.findResources('AWS::Lambda::Function');
    const named = Object.entries(functions)
      .filter(([, f]) =>
        JSON.stringify(f.Properties.Environment?.Variables?.FILES_BUCKET ?? null).includes(bucketId),
      )
      .map(([id]) => id)
      .sort();
    const { objections, repairs, reports } = synth.stack.functions;
    const grants = Object.values(synth.template.findResources('AWS::IAM::Policy'))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[])
      .filter((s) => JSON.stringify(s.Resource).includes(bucketId));
    const byPrefix = (prefix: string) => grants.filter((s) => JSON.stringify(s.Resource).includes(prefix));
    const actionsOf = (statements: Statement[]) =>
      [...new Set(statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])))].sort();

    expect(named).toEqual(
      [synth.logicalId(objections), synth.logicalId(repairs), synth.logicalId(reports)].sort(),
    );
    // Every object grant names one prefix: materials (sign, read, refuse) or reports (write, read).
    expect(byPrefix('/materials/*').length + byPrefix('/reports/*').length).toBe(grants.length);
    expect(actionsOf(byPrefix('/materials/*'))).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
    expect(actionsOf(byPrefix('/reports/*'))).toEqual(['s3:GetObject', 's3:PutObject']);
  });
});
