import type { PersonRecordIndex } from '../domain/records/person-use-cases.ts';
import type { RecordStore } from '../domain/records/ports.ts';
import type { DisclosureRecord } from '../domain/records/record.ts';
import { personRef } from '../domain/workflows/party.ts';
import type { Store } from './client.ts';
import { pointerPage } from './pointer-page.ts';
import type { IndexEntry } from './record-items.ts';

/*
 * Records by their subject's resident ID number, for the person's own list:
 *   PERSON#<sha256>#record / <decisionDate>#<id>
 * The key holds the hash of the number (party.ts personRef), never the number. There is one
 * entry for every record about a natural person with a resident ID, whatever its state: the
 * use case decides what the person sees (person-use-cases.ts), so a record changes its entry
 * only when its subject's number or its decision date changes.
 */

export function personRecordsPartition(idNumber: string): string {
  return `PERSON#${personRef(idNumber).slice('person:'.length)}#record`;
}

/** The entry a record has in the person index (none unless its subject is a person with a resident ID). */
export function personIndexEntries(record: DisclosureRecord): IndexEntry[] {
  const { subject, decisionDate } = record.content;
  if (subject.category !== 'natural_person' || subject.idType !== 'resident_id' || !subject.idNumber)
    return [];
  const pk = personRecordsPartition(subject.idNumber);
  const sk = `${decisionDate}#${record.id}`;
  return [{ pk, sk, item: { pk, sk, type: 'person-index', recordId: record.id } }];
}

export function personRecordIndex(store: Store, records: Pick<RecordStore, 'getMany'>): PersonRecordIndex {
  return {
    async recordsOf(idNumber, query) {
      const page = await pointerPage(store, personRecordsPartition(idNumber), query, {
        idAttribute: 'recordId',
      });
      return { items: await records.getMany(page.ids), cursor: page.cursor };
    },
  };
}
