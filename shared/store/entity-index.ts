import type { RecordStore } from '../domain/records/ports.ts';
import type { DisclosureRecord } from '../domain/records/record.ts';
import type { EntityRecords } from '../domain/reports/use-cases.ts';
import type { Store } from './client.ts';
import { pointerPage } from './pointer-page.ts';
import type { IndexEntry } from './record-items.ts';

/*
 * Records by their subject's USCC, in any state, for what only the entity itself may see
 * (a special-scope credit report adds penalties that are never published):
 *   ENTITY#<uscc>#record / <decisionDate>#<id>
 * One entry for every record about an organisation or 个体工商户 with a USCC; the use case
 * decides what each reader sees. Records written before the index existed get their entry
 * from `npm run records:reindex`.
 */

export function entityRecordsPartition(uscc: string): string {
  return `ENTITY#${uscc}#record`;
}

export function entityIndexEntries(record: DisclosureRecord): IndexEntry[] {
  const { subject, decisionDate } = record.content;
  if (subject.category === 'natural_person' || !subject.uscc) return [];
  const pk = entityRecordsPartition(subject.uscc);
  const sk = `${decisionDate}#${record.id}`;
  return [{ pk, sk, item: { pk, sk, type: 'entity-index', recordId: record.id } }];
}

export function entityRecordIndex(store: Store, records: Pick<RecordStore, 'getMany'>): EntityRecords {
  return {
    async recordsOf(uscc, query) {
      const page = await pointerPage(store, entityRecordsPartition(uscc), query, { idAttribute: 'recordId' });
      return { items: await records.getMany(page.ids), cursor: page.cursor };
    },
  };
}
