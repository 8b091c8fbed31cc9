import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_POLICY, BACKUP_VAULT_NAME } from '../../infra/backup.ts';
import { buildApp } from '../../infra/build-app.ts';
import { cdkJsonContext, NO_BUNDLING, type Synthesized, synthesizeService } from './synthesize.ts';

const PLAN = 'AWS::Backup::BackupPlan';
const VAULT = 'AWS::Backup::BackupVault';
const SELECTION = 'AWS::Backup::BackupSelection';

interface PlanRule {
  RuleName: string;
  ScheduleExpression: string;
  ScheduleExpressionTimezone: string;
  TargetBackupVault: unknown;
  Lifecycle: { DeleteAfterDays: number };
  CopyActions: { DestinationBackupVaultArn: unknown; Lifecycle: { DeleteAfterDays: number } }[];
}

const LOCK = {
  MinRetentionDays: BACKUP_POLICY.lockMinRetentionDays,
  MaxRetentionDays: BACKUP_POLICY.lockMaxRetentionDays,
  ChangeableForDays: BACKUP_POLICY.lockChangeableForDays,
};

describe('the backup of the table', () => {
  let synth: Synthesized;
  let copyTemplate: Template;
  let rule: PlanRule;
  let vaultId: string;
  beforeAll(() => {
    synth = synthesizeService();
    copyTemplate = Template.fromStack(synth.backupCopy);
    vaultId = synth.logicalId(synth.stack.backup.vault);
    const plans = Object.values(synth.template.findResources(PLAN));
    expect(plans).toHaveLength(1);
    const rules = plans[0]?.Properties.BackupPlan.BackupPlanRule as PlanRule[];
    expect(rules).toHaveLength(1);
    rule = rules[0] as PlanRule;
  });
  afterAll(() => synth?.dispose());

  it('runs daily at 03:00 Asia/Shanghai into the stack’s own vault', () => {
    expect(rule).toMatchObject({
      RuleName: 'Daily',
      ScheduleExpression: `cron(0 ${BACKUP_POLICY.scheduleHour} * * ? *)`,
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      TargetBackupVault: { 'Fn::GetAtt': [vaultId, 'BackupVaultName'] },
    });
  });

  it('keeps each backup and its copy the stated number of days', () => {
    expect(rule.Lifecycle).toEqual({ DeleteAfterDays: BACKUP_POLICY.retentionDays });
    expect(rule.CopyActions.map((copy) => copy.Lifecycle)).toEqual([
      { DeleteAfterDays: BACKUP_POLICY.retentionDays },
    ]);
  });

  it('copies every backup to the vault of the copy stack, in another region, read from its output', () => {
    const [copy] = rule.CopyActions;
    const reference = copy?.DestinationBackupVaultArn as {
      'Fn::GetStackOutput': { StackName: string; Region: string; OutputName: string };
    };
    const { StackName, Region, OutputName } = reference['Fn::GetStackOutput'];
    expect(StackName).toBe(synth.backupCopy.stackName);
    expect(Region).toBe(synth.backupCopy.region);
    expect(Region).not.toBe(synth.stack.region);
    const copyVaultId = synth.backupCopy.resolve(
      (synth.backupCopy.vault.node.defaultChild as CfnElement).logicalId,
    ) as string;
    expect(copyTemplate.toJSON().Outputs[OutputName]).toEqual({
      Value: { 'Fn::GetAtt': [copyVaultId, 'BackupVaultArn'] },
    });
    // CloudFormation must create the copy vault before the plan that names it.
    expect(synth.stack.dependencies).toContain(synth.backupCopy);
  });

  it.each([
    ['the service’s region', () => synth.template],
    ['the copy region', () => copyTemplate],
  ])('locks the vault of %s in compliance mode, and retains it', (_where, template) => {
    const vaults = Object.values(template().findResources(VAULT));
    expect(vaults).toHaveLength(1);
    expect(vaults[0]).toMatchObject({
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { BackupVaultName: BACKUP_VAULT_NAME, LockConfiguration: LOCK },
    });
  });

  it('has lock bounds that every backup and copy of the plan satisfies, so no job is refused', () => {
    for (const days of [
      rule.Lifecycle.DeleteAfterDays,
      ...rule.CopyActions.map((c) => c.Lifecycle.DeleteAfterDays),
    ]) {
      expect(days).toBeGreaterThanOrEqual(LOCK.MinRetentionDays);
      expect(days).toBeLessThanOrEqual(LOCK.MaxRetentionDays);
    }
    // AWS's cooling-off before a lock is permanent is 72 hours at the least.
    expect(LOCK.ChangeableForDays).toBeGreaterThanOrEqual(3);
  });

  it('selects exactly the service table', () => {
    const selections = Object.values(synth.template.findResources(SELECTION));
    expect(selections).toHaveLength(1);
    expect(selections[0]?.Properties.BackupSelection.Resources).toEqual([
      { 'Fn::GetAtt': [synth.logicalId(synth.stack.table), 'Arn'] },
    ]);
  });

  it('backs up and copies with a role only AWS Backup assumes, under the one AWS policy for that job', () => {
    const selection = Object.values(synth.template.findResources(SELECTION))[0];
    const [roleId] = selection?.Properties.BackupSelection.IamRoleArn['Fn::GetAtt'] ?? [];
    const role = synth.template.findResources('AWS::IAM::Role')[roleId];
    expect(role?.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'backup.amazonaws.com' } },
    ]);
    expect(role?.Properties.ManagedPolicyArns).toEqual([
      {
        'Fn::Join': [
          '',
          [
            'arn:',
            { Ref: 'AWS::Partition' },
            ':iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup',
          ],
        ],
      },
    ]);
  });

  it.each([['NumberOfBackupJobsFailed'], ['NumberOfCopyJobsFailed']])(
    'tells the alarm topic when %s is above zero in the vault',
    (metric) => {
      synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Backup',
        MetricName: metric,
        Dimensions: [{ Name: 'BackupVaultName', Value: BACKUP_VAULT_NAME }],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        AlarmActions: [{ Ref: synth.logicalId(synth.stack.alarms.topic) }],
      });
    },
  );

  it('names the vault in a stack output', () => {
    synth.template.hasOutput('BackupVaultName', { Value: { 'Fn::GetAtt': [vaultId, 'BackupVaultName'] } });
  });
});

describe('the regions of the app', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'disclosure-cdk-regions-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));
  const build = (extra: Record<string, unknown>) =>
    buildApp({ outdir, context: { ...cdkJsonContext(), ...NO_BUNDLING, ...extra } });

  it('puts the service, the web ACL and the backup copy where the context says', () => {
    const { stack, edge, backupCopy } = build({ region: 'cn-north-1', backupCopyRegion: 'cn-northwest-1' });
    expect([stack.region, edge.region, backupCopy.region]).toEqual([
      'cn-north-1',
      'us-east-1',
      'cn-northwest-1',
    ]);
  });

  it('copies to a region other than the service’s when none is named', () => {
    for (const region of ['ap-southeast-1', 'ap-northeast-1', 'eu-west-1']) {
      const { stack, backupCopy } = build({ region });
      expect(backupCopy.region).not.toBe(stack.region);
    }
  });

  it('refuses a copy region that is the service’s own', () => {
    expect(() => build({ region: 'eu-west-1', backupCopyRegion: 'eu-west-1' })).toThrow(
      /backupCopyRegion must differ from the service's region \(eu-west-1\)/,
    );
  });
});
