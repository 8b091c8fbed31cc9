import type { IsoDate } from '../dates.ts';
import { type KnownPersonalData, scrubText } from '../records/masking.ts';
import { looksLikePersonalName, publicSubjectName } from '../records/public-view.ts';
import { isUnderObjection, type ListEntry, type ListSubject } from './entry.ts';
import { MEASURE_LABELS, type MeasureCode } from './measures.ts';
import {
  ENTRY_STATUS_LABELS,
  type EntryStatus,
  LIST_TYPE_LABELS,
  type ListType,
  REMOVAL_REASON_LABELS,
} from './vocabulary.ts';

/** What anyone may see of a listed entry (名单公示): no ID numbers, no records, no case file. */
export interface PublicEntry {
  readonly id: string;
  readonly type: ListType;
  readonly typeLabel: string;
  readonly subject: { readonly name: string; readonly uscc: string };
  readonly agency: string;
  readonly basis: string;
  readonly measures: readonly { readonly code: MeasureCode; readonly label: string }[];
  readonly listedOn: IsoDate;
  readonly validUntil: IsoDate;
  readonly status: EntryStatus;
  readonly statusLabel: string;
  /** 异议处理中: an objection is pending. */
  readonly underObjection: boolean;
}

/**
 * The personal data a listed subject's public text may hold: a 个体工商户 registered under its
 * operator's name (the records' rule, records/public-view.ts).
 */
function personalDataOf(subject: ListSubject): KnownPersonalData {
  const operator = subject.category === 'individual_business' && looksLikePersonalName(subject.name);
  return { names: operator ? [subject.name] : [], idNumbers: [] };
}

/** The listed subject's name as the public sees it, searched by and shown: as a record's subject. */
export function publicEntryName(subject: ListSubject): string {
  return publicSubjectName(subject, personalDataOf(subject));
}

/** An entry's state in words: 异议处理中 while an objection is pending, else its status. */
const statusLabelOf = (entry: ListEntry) =>
  isUnderObjection(entry) ? '异议处理中' : ENTRY_STATUS_LABELS[entry.status];

export const measureList = (codes: readonly MeasureCode[]) =>
  codes.map((code) => ({ code, label: MEASURE_LABELS[code] }));

/** The public view; only for an entry in public view (isPublicEntry). Free text is scrubbed. */
export function publicEntry(entry: ListEntry): PublicEntry {
  return {
    id: entry.id,
    type: entry.type,
    typeLabel: LIST_TYPE_LABELS[entry.type],
    subject: { name: publicEntryName(entry.subject), uscc: entry.subject.uscc ?? '' },
    agency: entry.agency,
    basis: scrubText(entry.basis, personalDataOf(entry.subject)),
    measures: measureList(entry.measures),
    listedOn: entry.listedOn as IsoDate,
    validUntil: entry.validUntil as IsoDate,
    status: entry.status,
    statusLabel: statusLabelOf(entry),
    underObjection: isUnderObjection(entry),
  };
}

/** The whole case as its parties (the agency, the entity or person listed) see it. */
export function caseView(entry: ListEntry) {
  const { head, ...state } = entry;
  return {
    ...state,
    typeLabel: LIST_TYPE_LABELS[entry.type],
    statusLabel: statusLabelOf(entry),
    measures: measureList(entry.measures),
    underObjection: isUnderObjection(entry),
    ...(entry.removal
      ? { removal: { ...entry.removal, reasonLabel: REMOVAL_REASON_LABELS[entry.removal.reason] } }
      : {}),
    audit: { seq: head.seq, hash: head.hash },
  };
}
