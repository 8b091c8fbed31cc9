import { sha256 } from '../audit.ts';
import { AccessDeniedError } from '../errors.ts';
import type { RecordStore } from '../records/ports.ts';
import type { DisclosureRecord } from '../records/record.ts';

/**
 * Who files: an entity (by its USCC) or a natural person (by their resident ID number). The
 * two are kept apart by `role` everywhere (in filings, keys and lists), so a USCC and an ID
 * number can never stand for each other.
 */
export type Filer =
  | { readonly role: 'entity'; readonly uscc: string }
  | { readonly role: 'person'; readonly idNumber: string };

/** A filer, given as one or, as entity callers always have been, by the entity's USCC alone. */
export function asFiler(by: Filer | string): Filer {
  return typeof by === 'string' ? { role: 'entity', uscc: by } : by;
}

/** The caller as a workflow knows it: whoever files, or the agency that decides. */
export type Party = Filer | { readonly role: 'agency'; readonly agency: string };

export type WorkflowKind = 'objection' | 'repair';

/** The same refusal for another party's object and for one that does not exist. */
export function notAccessible(kind: WorkflowKind | 'record'): AccessDeniedError {
  const zh = { objection: '异议', repair: '信用修复申请', record: '记录' }[kind];
  return new AccessDeniedError({
    code: `${kind}_not_accessible`,
    messages: { zh: `无权访问该${zh}，或其不存在`, en: `no such ${kind} among those you may access` },
  });
}

/**
 * Who filed a filing. Entity filings keep the field they always had (`entity`, a USCC), so
 * filings stored before persons could file read unchanged; a person's carries `person` instead.
 */
export function filerOf(filing: {
  readonly entity?: string | undefined;
  readonly person?: string | undefined;
}): Filer {
  if (filing.person !== undefined) return { role: 'person', idNumber: filing.person };
  if (filing.entity !== undefined) return { role: 'entity', uscc: filing.entity };
  throw new Error('a filing without its filer');
}

/** The fields a filing of `filer` stores: `entity` for an entity, `person` for a person. */
export function filerFields(filer: Filer): { entity: string } | { person: string } {
  return filer.role === 'entity' ? { entity: filer.uscc } : { person: filer.idNumber };
}

/**
 * A person as keys and events may name them: the SHA-256 of their ID number (upper case),
 * under a prefix of its own. Not a secret (ID numbers are few enough to try them all), but it
 * keeps the number itself out of keys, item listings, metrics and event payloads.
 */
export function personRef(idNumber: string): string {
  return `person:${sha256(`GB11643:${idNumber.toUpperCase()}`)}`;
}

/** A filing if `party` is one of its two parties; otherwise the refusal that says nothing. */
export function visibleTo<
  T extends {
    readonly entity?: string | undefined;
    readonly person?: string | undefined;
    readonly agency: string;
  },
>(kind: WorkflowKind, party: Party, filing: T | undefined): T {
  if (!filing || !isPartyTo(party, filing)) throw notAccessible(kind);
  return filing;
}

function isPartyTo(
  party: Party,
  filing: {
    readonly entity?: string | undefined;
    readonly person?: string | undefined;
    readonly agency: string;
  },
): boolean {
  switch (party.role) {
    case 'agency':
      return filing.agency === party.agency;
    case 'entity':
      return filing.person === undefined && filing.entity === party.uscc;
    case 'person':
      return filing.person !== undefined && sameIdNumber(filing.person, party.idNumber);
  }
}

const sameIdNumber = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/**
 * Whether `record` is about `filer`: an entity's by the subject's USCC; a person's only if the
 * subject is a natural person identified by a resident ID card with that number (山东省社会信用条例
 * 第21条: 信用主体 may see their own information, and only their own). A natural person's record
 * carries no USCC, and a person's token no USCC, so neither can reach the other's records.
 */
export function isAbout(record: DisclosureRecord, filer: Filer): boolean {
  const { subject } = record.content;
  if (filer.role === 'entity') return subject.category !== 'natural_person' && subject.uscc === filer.uscc;
  return (
    subject.category === 'natural_person' &&
    subject.idType === 'resident_id' &&
    subject.idNumber !== undefined &&
    sameIdNumber(subject.idNumber, filer.idNumber)
  );
}

/** The record a filer acts on: their own, else the same refusal as for none at all. */
export async function ownRecordOf(
  records: RecordStore,
  filer: Filer,
  recordId: string,
): Promise<DisclosureRecord> {
  const record = await records.get(recordId);
  if (!record || !isAbout(record, filer)) throw notAccessible('record');
  return record;
}
