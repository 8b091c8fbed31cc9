import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../domain/records/ports.ts';
import type { CreditReport, ReportStore } from '../domain/reports/ports.ts';
import { auditOp, commit, ops } from './changes.ts';
import type { Store } from './client.ts';
import { pointedPage } from './pointer-page.ts';
import { verificationOp } from './verification-repository.ts';

/*
 * Credit reports, one partition each (`RPT#<number>`) with their audit entry, never changed
 * once issued, and a pointer per entity:
 *   RPTENT#<uscc> / <issuedAt>#<number>   the reports made of an entity, newest first
 * The files are in the materials store (reports/<number>.<format>); the verification record
 * under the report's 核验码 is written in the same transaction (verification-repository.ts).
 */

export const reportKey = (number: string) => ({ pk: `RPT#${number}`, sk: 'RPT' });
const entityReportsPartition = (uscc: string) => `RPTENT#${uscc}`;

export function reportRepository(store: Store): ReportStore {
  const { client, tableName } = store;
  return {
    async get(number) {
      const out = await client.send(new GetCommand({ TableName: tableName, Key: reportKey(number) }));
      return out.Item?.report as CreditReport | undefined;
    },

    async create(report, audit, verification) {
      const pk = entityReportsPartition(report.uscc);
      const sk = `${report.issuedAt}#${report.number}`;
      const isNew = { expression: 'attribute_not_exists(pk)' };
      await commit(store, [
        ops(tableName).put(
          { ...reportKey(report.number), type: 'report', report, auditSeq: audit.seq, auditHash: audit.hash },
          isNew,
        ),
        auditOp(tableName, reportKey(report.number).pk, audit),
        ops(tableName).put({ pk, sk, type: 'report-pointer', id: report.number }, isNew),
        verificationOp(tableName, verification),
      ]);
    },

    forEntity: (q): Promise<Page<CreditReport>> =>
      pointedPage(store, entityReportsPartition(q.uscc), q, {
        key: reportKey,
        idOf: (item) => (item.report as CreditReport).number,
        fromItem: (item) => item.report as CreditReport,
      }),
  };
}
