import { Duration, RemovalPolicy, Stack, type StackProps, TimeZone, Validations } from 'aws-cdk-lib';
import {
  BackupPlan,
  BackupPlanRule,
  BackupResource,
  BackupVault,
  type IBackupVault,
} from 'aws-cdk-lib/aws-backup';
import { Metric, Stats } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { ALARM_PERIOD, type ServiceAlarms } from './alarms.ts';

/**
 * The backup figures, each with its reason; everything below reads them from here.
 *
 * - One backup a day at 03:00 Asia/Shanghai, when no agency is at work (the sweeps run all
 *   day and do not mind). Point-in-time recovery stays on for the minutes in between.
 * - Kept 35 days, in this region and in the copy region: as far back as point-in-time
 *   recovery reaches (its maximum), so whichever way a restore goes it can reach the same
 *   day; and long enough that tampering found by a monthly audit verification
 *   (`GET /v1/admin/audit/verify`, docs/restore-drill.md) still has a clean copy from before
 *   it. Older states are not lost: records are never deleted, and their audit chains keep
 *   every change.
 * - Vault lock, in compliance mode: nobody — not an administrator, not a stolen credential,
 *   not AWS support — can delete a recovery point before `lockMinRetentionDays`, or keep one
 *   past `lockMaxRetentionDays`. The minimum equals the retention, so every point serves its
 *   full term. The maximum leaves room for a longer rule later (a monthly copy kept a year
 *   for an annual review) without letting anything be kept forever by mistake; it must be
 *   chosen now because the lock cannot change once set.
 * - `lockChangeableForDays`: the 72-hour cooling-off AWS requires, the shortest possible —
 *   the time to notice a mistake after the first deploy, after which the lock is permanent.
 */
export const BACKUP_POLICY = {
  scheduleHour: 3,
  timeZone: TimeZone.ASIA_SHANGHAI,
  retentionDays: 35,
  lockMinRetentionDays: 35,
  lockMaxRetentionDays: 366,
  lockChangeableForDays: 3,
} as const;

/** The name of the service's vault in each region: the same in both, for the runbook. */
export const BACKUP_VAULT_NAME = 'disclosure-service';

/**
 * A vault under the lock of BACKUP_POLICY. Encrypted with AWS Backup's key (aws/backup):
 * DynamoDB backups with AWS Backup's advanced features take the vault's key. Retained with
 * the stack: a locked vault that holds recovery points cannot be deleted anyway.
 */
export function lockedVault(scope: Construct, id: string): BackupVault {
  return new BackupVault(scope, id, {
    backupVaultName: BACKUP_VAULT_NAME,
    lockConfiguration: {
      minRetention: Duration.days(BACKUP_POLICY.lockMinRetentionDays),
      maxRetention: Duration.days(BACKUP_POLICY.lockMaxRetentionDays),
      changeableFor: Duration.days(BACKUP_POLICY.lockChangeableForDays),
    },
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

/**
 * The vault the daily backups are copied to, in a second region: a stack of its own, because
 * a vault lives in one region. The service stack reads its ARN through a cross-region
 * reference (`Fn::GetStackOutput`, see infra/edge-protection.ts), so it is deployed first.
 */
export class BackupCopyStack extends Stack {
  readonly vault: BackupVault;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.vault = lockedVault(this, 'Vault');
  }
}

export interface ServiceBackupProps {
  readonly table: ITableV2;
  /** The vault in the other region (BackupCopyStack). */
  readonly copyVault: IBackupVault;
  readonly alarms: ServiceAlarms;
}

/**
 * The table's disaster copy (opinion (十七), 容灾备份): a daily AWS Backup of the table into a
 * locked vault here, copied the same day to a locked vault in another region, with alarms on
 * failed backup and copy jobs. How to restore from either, and check the copy:
 * docs/restore-drill.md.
 */
export class ServiceBackup extends Construct {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;

  constructor(scope: Construct, id: string, props: ServiceBackupProps) {
    super(scope, id);
    this.vault = lockedVault(this, 'Vault');
    const keep = Duration.days(BACKUP_POLICY.retentionDays);
    this.plan = new BackupPlan(this, 'Plan', {
      backupPlanName: 'disclosure-service-daily',
      backupVault: this.vault,
      backupPlanRules: [
        new BackupPlanRule({
          ruleName: 'Daily',
          scheduleExpression: Schedule.cron({ hour: String(BACKUP_POLICY.scheduleHour), minute: '0' }),
          scheduleExpressionTimezone: BACKUP_POLICY.timeZone,
          deleteAfter: keep,
          copyActions: [{ destinationBackupVault: props.copyVault, deleteAfter: keep }],
        }),
      ],
    });
    const selection = this.plan.addSelection('Table', {
      resources: [BackupResource.fromArn(props.table.tableArn)],
    });
    Validations.of(selection).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
      reason:
        'The role AWS Backup assumes to back up and copy the table uses AWSBackupServiceRolePolicyForBackup, ' +
        'the policy AWS maintains for exactly that job (it follows new backup features); the selection ' +
        'limits it to the one table.',
    });

    // A backup that fails silently is the classic way to have none when it is needed. AWS
    // Backup counts its jobs per vault name, the same in both regions (BACKUP_VAULT_NAME).
    const failed = (metricName: string) =>
      new Metric({
        namespace: 'AWS/Backup',
        metricName,
        dimensionsMap: { BackupVaultName: BACKUP_VAULT_NAME },
        statistic: Stats.SUM,
        period: ALARM_PERIOD,
      });
    props.alarms.whenAny(
      this,
      'BackupFailedAlarm',
      failed('NumberOfBackupJobsFailed'),
      'A daily backup of the table failed: restore points are missing (docs/restore-drill.md).',
    );
    props.alarms.whenAny(
      this,
      'CopyFailedAlarm',
      failed('NumberOfCopyJobsFailed'),
      'Copying a backup of the table to the other region failed: the regional copy is missing.',
    );
  }
}
