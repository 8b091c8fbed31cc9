import { yearOf } from '../domain/dates.ts';
import { recordDeadlines } from '../domain/records/deadlines.ts';
import { nameBigrams, nameKey } from '../domain/records/name-search.ts';
import { searchableName } from '../domain/records/public-view.ts';
import { type DisclosureRecord, isPubliclyListed } from '../domain/records/record.ts';
import type { RecordKind } from '../domain/records/vocabulary.ts';
import { figuresOf } from '../domain/stats/timeliness.ts';
import { chainHeadOf } from './audit-items.ts';
import { deadlineEntry } from './deadline-items.ts';
import { entityIndexEntries } from './entity-index.ts';
import { personIndexEntries } from './person-index.ts';

/*
 * Item layout of disclosure records (one partition per record):
 *   REC#<id> / REC          the record, with its agency worklist keys on gsi1
 *   REC#<id> / AUDIT#<seq>  its audit chain
 *   DOC#<agency>#<kind>#<document number> / DOC   the claim that makes registration idempotent
 *   PUB#<facet>#<value> / <decisionDate>#<id>     public index entries, only while publicly listed
 *   REC#<id> / DEADLINE#<kind>  its open deadlines, in the `deadlines` index (deadline-items.ts)
 *   ESC#record-change / <at>#<id>                 a revocation or a change entered late, escalated
 *   PERSON#<sha256 of the ID number>#record / <decisionDate>#<id>   a natural person's own records (person-index.ts)
 *   ENTITY#<uscc>#record / <decisionDate>#<id>   an organisation's records in any state (entity-index.ts)
 * The record item also carries its worklist keys (gsi1) and timeliness figures (byDecision).
 * Its agency's counters for its month of decision (stats-items.ts) change in the same writes.
 */

export const recordKey = (id: string) => ({ pk: `REC#${id}`, sk: 'REC' });

export function documentKey(agency: string, kind: RecordKind, documentNumber: string) {
  return { pk: `DOC#${agency}#${kind}#${documentNumber.normalize('NFKC').trim()}`, sk: 'DOC' };
}

export const worklistPartition = (agency: string, status: string) => `AGENCY#${agency}#${status}`;

export function toItem(record: DisclosureRecord, contentHash: string): Record<string, unknown> {
  return {
    ...recordKey(record.id),
    type: 'record',
    id: record.id,
    authority: record.authority,
    content: record.content,
    contentHash,
    status: record.status,
    version: record.version,
    revision: record.revision,
    registeredAt: record.registeredAt,
    disclosure: record.disclosure,
    publication: record.publication,
    revocation: record.revocation,
    overdue: record.overdue,
    publicationEnd: record.publicationEnd,
    deadlineMoves: record.deadlineMoves,
    nameIndexPending: record.nameIndexPending,
    objection: record.objection,
    repair: record.repair,
    lastRepairDecision: record.lastRepairDecision,
    history: record.history,
    auditSeq: record.head.seq,
    auditHash: record.head.hash,
    gsi1pk: worklistPartition(record.authority.uscc, record.status),
    gsi1sk: `${record.disclosure.dueAt}#${record.id}`,
    decpk: `DEC#${record.content.decisionDate.slice(0, 7)}`,
    decsk: `${record.content.decisionDate}#${record.id}`,
    st: figuresOf(record),
  };
}

export function fromItem(item: Record<string, unknown>): DisclosureRecord {
  const head = chainHeadOf(item);
  if (!head) throw new Error(`record item ${String(item.pk)} has no audit head`);
  return {
    id: item.id as string,
    authority: item.authority as DisclosureRecord['authority'],
    content: item.content as DisclosureRecord['content'],
    status: item.status as DisclosureRecord['status'],
    version: item.version as number,
    revision: item.revision as number,
    registeredAt: item.registeredAt as string,
    disclosure: item.disclosure as DisclosureRecord['disclosure'],
    publication: item.publication as DisclosureRecord['publication'],
    revocation: item.revocation as DisclosureRecord['revocation'],
    overdue: item.overdue as DisclosureRecord['overdue'],
    publicationEnd: item.publicationEnd as DisclosureRecord['publicationEnd'],
    deadlineMoves: item.deadlineMoves as DisclosureRecord['deadlineMoves'],
    nameIndexPending: item.nameIndexPending as DisclosureRecord['nameIndexPending'],
    objection: item.objection as DisclosureRecord['objection'],
    repair: item.repair as DisclosureRecord['repair'],
    lastRepairDecision: item.lastRepairDecision as DisclosureRecord['lastRepairDecision'],
    history: (item.history ?? []) as DisclosureRecord['history'],
    head,
  };
}

export interface IndexEntry {
  readonly pk: string;
  readonly sk: string;
  readonly item: Record<string, unknown>;
}

/**
 * Every derived entry of a record: its public index entries, its person-index entry, its open
 * deadlines and, for each revocation or change entered after its 3 working days (条例 第40条),
 * its place on the credit office's list of escalated cases (ESC#record-change, beside the
 * objections' and repairs', workflow-items.ts).
 */
export function derivedEntries(record: DisclosureRecord): IndexEntry[] {
  const pk = recordKey(record.id).pk;
  return [
    ...publicIndexEntries(record),
    ...personIndexEntries(record),
    ...entityIndexEntries(record),
    ...recordDeadlines(record).map((d) => deadlineEntry(pk, record.id, d)),
    ...escalationEntries(record),
  ];
}

export const LATE_CHANGES_PARTITION = 'ESC#record-change';

function escalationEntries(record: DisclosureRecord): IndexEntry[] {
  const lateChanges = record.history.flatMap((entry) =>
    entry.decision && !entry.decision.onTime ? [entry.at] : [],
  );
  const revokedLate = record.revocation?.escalatedAt;
  const pk = LATE_CHANGES_PARTITION;
  return [...lateChanges, ...(revokedLate ? [revokedLate] : [])].map((at) => {
    const sk = `${at}#${record.id}`;
    return { pk, sk, item: { pk, sk, type: 'record-change-pointer', id: record.id } };
  });
}

/** The public index entries a record has in its current state (none unless publicly listed). */
export function publicIndexEntries(record: DisclosureRecord): IndexEntry[] {
  if (!isPubliclyListed(record)) return [];
  const { content, authority, id } = record;
  const sk = `${content.decisionDate}#${id}`;
  // Indexed by the name the public sees: a hidden personal name is not searchable.
  const name = searchableName(record);
  const attributes = {
    type: 'public-index',
    recordId: id,
    decisionDate: content.decisionDate,
    kind: content.kind,
    agency: authority.uscc,
    ...(content.subject.uscc ? { uscc: content.subject.uscc } : {}),
    nameKey: nameKey(name),
  };
  const partitions = [
    `PUB#ALL#${yearOf(content.decisionDate)}`,
    `PUB#AGENCY#${authority.uscc}`,
    `PUB#KIND#${content.kind}`,
    ...(content.subject.uscc ? [`PUB#USCC#${content.subject.uscc}`] : []),
    ...(record.nameIndexPending ? [] : nameBigrams(name).map((bigram) => `PUB#NAME#${bigram}`)),
  ];
  return partitions.map((pk) => ({ pk, sk, item: { pk, sk, ...attributes } }));
}
