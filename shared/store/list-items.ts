import { entryDeadlines } from '../domain/lists/deadlines.ts';
import { isPublicEntry, type ListEntry, pendingFiling } from '../domain/lists/entry.ts';
import { publicEntryName } from '../domain/lists/views.ts';
import type { ListType } from '../domain/lists/vocabulary.ts';
import { nameBigrams, nameKey } from '../domain/records/name-search.ts';
import { personRef } from '../domain/workflows/party.ts';
import { chainHeadOf } from './audit-items.ts';
import { deadlineEntry } from './deadline-items.ts';
import type { IndexEntry } from './record-items.ts';

/*
 * List entries, one partition each (`LST#<id>`) with their audit chain. Everything else is a
 * pointer derived from the entry and written with every change, so it cannot drift:
 *   LISTPUB#ALL | #TYPE#<type> | #USCC#<uscc> | #AGENCY#<agency> | #NAME#<bigram>
 *                              / <listedOn>#<id>   entries in public view (the public list)
 *   LISTAG#<agency>            / <proposedAt>#<id>  an agency's own entries, any state
 *   LISTPARTY#<uscc> or LISTPARTY#P#<sha256>
 *                              / <proposedAt>#<id>  the entries about an entity or a person
 *   LISTESC                    / <at>#<id>          escalated to the credit office, still open
 *   <pk> / DEADLINE#<kind>                          the open deadlines (lists/deadlines.ts)
 * Public pointers carry the filters' attributes (type, agency, uscc, name key), so one query
 * narrows by all of them; the entries read are checked again before they are shown.
 */

/** Bigrams a public entry is indexed under; a longer name is found by its first 41 characters. */
export const LIST_NAME_BIGRAMS = 40;

export const entryKey = (id: string) => ({ pk: `LST#${id}`, sk: 'LST' });

export const publicPartition = {
  all: () => 'LISTPUB#ALL',
  type: (type: ListType) => `LISTPUB#TYPE#${type}`,
  uscc: (uscc: string) => `LISTPUB#USCC#${uscc}`,
  agency: (agency: string) => `LISTPUB#AGENCY#${agency}`,
  name: (bigram: string) => `LISTPUB#NAME#${bigram}`,
};
export const agencyListPartition = (agency: string) => `LISTAG#${agency}`;
export const ESCALATED_PARTITION = 'LISTESC';

export function partyPartition(
  party: { role: 'entity'; uscc: string } | { role: 'person'; idNumber: string },
) {
  return party.role === 'entity'
    ? `LISTPARTY#${party.uscc}`
    : `LISTPARTY#P#${personRef(party.idNumber).slice('person:'.length)}`;
}

export function entryToItem(entry: ListEntry): Record<string, unknown> {
  const { head, ...state } = entry;
  return {
    ...entryKey(entry.id),
    type: 'list-entry',
    state,
    revision: entry.revision,
    auditSeq: head.seq,
    auditHash: head.hash,
  };
}

export function entryFromItem(item: Record<string, unknown>): ListEntry {
  const head = chainHeadOf(item);
  if (!head) throw new Error(`${String(item.pk)} has no audit head`);
  return { ...(item.state as Omit<ListEntry, 'head'>), head };
}

/** When the entry was escalated and is still open, for the office's list. */
function escalatedAt(entry: ListEntry): string | undefined {
  if (entry.status === 'proposed') return entry.decisionEscalatedAt;
  if (entry.status !== 'listed') return undefined;
  return pendingFiling(entry, 'objection')?.escalatedAt ?? pendingFiling(entry, 'exit')?.escalatedAt;
}

export function entryEntries(entry: ListEntry): IndexEntry[] {
  const { pk } = entryKey(entry.id);
  const pointer = (p: string, sk: string, extra: Record<string, unknown> = {}) => ({
    pk: p,
    sk,
    item: { pk: p, sk, type: 'list-pointer', id: entry.id, ...extra },
  });
  const own = `${entry.proposedAt}#${entry.id}`;
  const party =
    entry.subject.category === 'natural_person'
      ? entry.subject.idNumber
        ? partyPartition({ role: 'person', idNumber: entry.subject.idNumber })
        : undefined
      : entry.subject.uscc
        ? partyPartition({ role: 'entity', uscc: entry.subject.uscc })
        : undefined;
  const out: IndexEntry[] = [pointer(agencyListPartition(entry.agency), own, { status: entry.status })];
  if (party) out.push(pointer(party, own));
  if (isPublicEntry(entry)) {
    const sk = `${entry.listedOn}#${entry.id}`;
    const filters = {
      listType: entry.type,
      agency: entry.agency,
      uscc: entry.subject.uscc ?? '',
      nameKey: nameKey(publicEntryName(entry.subject)),
    };
    const partitions = [
      publicPartition.all(),
      publicPartition.type(entry.type),
      publicPartition.agency(entry.agency),
      ...(entry.subject.uscc ? [publicPartition.uscc(entry.subject.uscc)] : []),
      // Indexed by the name the public sees: a hidden operator's name is not searchable.
      ...nameBigrams(publicEntryName(entry.subject)).slice(0, LIST_NAME_BIGRAMS).map(publicPartition.name),
    ];
    for (const p of partitions) out.push(pointer(p, sk, filters));
  }
  const escalated = escalatedAt(entry);
  if (escalated) out.push(pointer(ESCALATED_PARTITION, `${escalated}#${entry.id}`));
  for (const deadline of entryDeadlines(entry)) out.push(deadlineEntry(pk, entry.id, deadline));
  return out;
}
