import { type ChainHead, GENESIS } from '../audit.ts';
import { addDays, type IsoDate, shanghaiDate, startOfShanghaiDay } from '../dates.ts';
import { ConflictError, RuleViolationError } from '../errors.ts';
import { addMonths } from '../policy/publication-periods.ts';
import { TIME_LIMITS } from '../policy/time-limits.ts';
import type { SubjectCategory } from '../records/vocabulary.ts';
import { assertRecentCommitment } from '../repairs/repair.ts';
import type { Evidence, HandlingDeadline } from '../workflows/filing.ts';
import type { Filer } from '../workflows/party.ts';
import type { MeasureCode } from './measures.ts';
import type {
  EntryFilingKind,
  EntryStatus,
  FilingOutcome,
  ListingOutcome,
  ListType,
  RemovalReason,
} from './vocabulary.ts';

/**
 * A list entry (名单条目) and its rules, as plain functions: proposal with notice and hearing
 * (国办发〔2020〕49号（八）), decision, removal at the end of validity, and the two things a
 * listed party may file against it: an objection (异议, 山东省社会信用条例 第39条) and early exit
 * through credit repair (第41条; 49号（十四）).
 */

/** Who is listed: an organisation or 个体工商户 by USCC, or a natural person by ID number (never public). */
export interface ListSubject {
  readonly category: SubjectCategory;
  readonly name: string;
  readonly uscc?: string | undefined;
  readonly idNumber?: string | undefined;
}

/** An objection or an early-exit application against a listed entry. */
export interface EntryFiling {
  readonly kind: EntryFilingKind;
  readonly statement: string;
  readonly evidence: readonly Evidence[];
  /** Early exit only: the credit commitment (信用承诺书), as a repair application carries it. */
  readonly commitment?: { readonly text: string; readonly signedAt: IsoDate } | undefined;
  readonly filedAt: string;
  readonly deadline: HandlingDeadline;
  readonly escalatedAt?: string | undefined;
  readonly decision?:
    | { readonly outcome: FilingOutcome; readonly reason: string; readonly at: string }
    | undefined;
}

export interface ListEntry {
  readonly id: string;
  readonly type: ListType;
  readonly status: EntryStatus;
  readonly subject: ListSubject;
  /** The deciding agency (认定部门), by USCC. */
  readonly agency: string;
  /** 认定依据: the rule and the facts the listing rests on. */
  readonly basis: string;
  /** The records the listing rests on (ids of this service's records). */
  readonly recordIds: readonly string[];
  readonly measures: readonly MeasureCode[];
  readonly validityMonths: number;
  readonly proposedAt: string;
  /** The hearing period (陈述申辩), with the party's reminder one working day before its end. */
  readonly hearing: HandlingDeadline;
  /** Set when the hearing period ran out without a statement and the agency was told. */
  readonly hearingEndedAt?: string | undefined;
  /** The agency's decision is due by then: the hearing period plus the decision period. */
  readonly decisionDeadline: HandlingDeadline;
  readonly decisionEscalatedAt?: string | undefined;
  readonly statement?:
    | { readonly text: string; readonly evidence: readonly Evidence[]; readonly at: string }
    | undefined;
  readonly decision?:
    | { readonly outcome: ListingOutcome; readonly reason: string; readonly at: string }
    | undefined;
  /** 列入日期 and the last day of validity. */
  readonly listedOn?: IsoDate | undefined;
  readonly validUntil?: IsoDate | undefined;
  /** 移出日期 and why. */
  readonly removal?:
    | { readonly on: IsoDate; readonly at: string; readonly reason: RemovalReason }
    | undefined;
  /** The pending (or last decided) objection and early-exit application. */
  readonly objection?: EntryFiling | undefined;
  readonly exit?: EntryFiling | undefined;
  readonly revision: number;
  readonly head: ChainHead;
}

export interface Proposal {
  readonly id: string;
  readonly type: ListType;
  readonly subject: ListSubject;
  readonly agency: string;
  readonly basis: string;
  readonly recordIds: readonly string[];
  readonly measures: readonly MeasureCode[];
  readonly validityMonths: number;
}

function conflict(code: string, zh: string, en: string, details?: Record<string, unknown>): ConflictError {
  return new ConflictError({ code, messages: { zh, en }, ...(details ? { details } : {}) });
}

function violation(code: string, field: string, zh: string, en: string, details?: Record<string, unknown>) {
  return new RuleViolationError({ code, field, messages: { zh, en }, ...(details ? { details } : {}) });
}

/** Months of validity the law allows: at least one, at most the disclosure cap (条例 第38条). */
export const MAX_VALIDITY_MONTHS = TIME_LIMITS.listValidity.value * 12;

export function propose(
  input: Proposal,
  periods: { hearing: HandlingDeadline; decision: HandlingDeadline },
  at: Date,
): ListEntry {
  if (input.validityMonths < 1 || input.validityMonths > MAX_VALIDITY_MONTHS) {
    throw violation(
      'validity_out_of_range',
      'validityMonths',
      `名单有效期须为 1 至 ${MAX_VALIDITY_MONTHS} 个月（山东省社会信用条例 第38条）`,
      `the validity must be 1 to ${MAX_VALIDITY_MONTHS} months`,
    );
  }
  return {
    ...input,
    status: 'proposed',
    proposedAt: at.toISOString(),
    hearing: periods.hearing,
    decisionDeadline: periods.decision,
    revision: 1,
    head: GENESIS,
  };
}

/** The entry changed, one revision on. */
export const bump = (entry: ListEntry, change: Partial<ListEntry>): ListEntry => ({
  ...entry,
  ...change,
  revision: entry.revision + 1,
});

function assertStatus(entry: ListEntry, status: EntryStatus): void {
  if (entry.status !== status) {
    throw conflict(
      `entry_not_${status}`,
      status === 'proposed' ? '该名单条目已作出决定' : '该名单条目不在列入状态',
      status === 'proposed' ? 'the entry has already been decided' : 'the entry is not listed',
      { status: entry.status },
    );
  }
}

/** The party's statement of its case: once, while proposed, within the hearing period. */
export function stateCase(
  entry: ListEntry,
  statement: { text: string; evidence: readonly Evidence[] },
  at: Date,
): ListEntry {
  assertStatus(entry, 'proposed');
  if (entry.statement)
    throw conflict('statement_already_made', '已提交陈述申辩', 'the case has already been stated');
  // The timer's word is final: once it has closed the period, the period is over.
  if (entry.hearingEndedAt || at.getTime() >= Date.parse(entry.hearing.dueAt)) {
    throw conflict(
      'hearing_period_over',
      `陈述申辩期限已于 ${entry.hearing.due} 届满`,
      'the hearing period is over',
      {
        hearingDue: entry.hearing.due,
      },
    );
  }
  return bump(entry, { statement: { ...statement, at: at.toISOString() } });
}

/**
 * The agency decides once the party has been heard: it stated its case, or the period ran out.
 * Listed: public from today for `validityMonths` (the last day of validity is the day before
 * the same date so many months on).
 */
export function decideListing(
  entry: ListEntry,
  decision: { outcome: ListingOutcome; reason: string },
  at: Date,
): ListEntry {
  assertStatus(entry, 'proposed');
  if (!entry.statement && !entry.hearingEndedAt && at.getTime() < Date.parse(entry.hearing.dueAt)) {
    throw conflict(
      'hearing_period_open',
      `当事人陈述申辩期限至 ${entry.hearing.due}，期满或当事人陈述申辩后方可决定`,
      'the party may still state its case: decide after it has, or after the hearing period',
      { hearingDue: entry.hearing.due },
    );
  }
  const record = { ...decision, at: at.toISOString() };
  if (decision.outcome === 'not_list') return bump(entry, { status: 'not_listed', decision: record });
  const listedOn = shanghaiDate(at);
  return bump(entry, {
    status: 'listed',
    decision: record,
    listedOn,
    validUntil: addDays(addMonths(listedOn, entry.validityMonths), -1),
  });
}

/** The instant a listed entry leaves the list by expiry: the start of the day after its validity. */
export function expiryInstant(entry: ListEntry): string | undefined {
  return entry.validUntil ? startOfShanghaiDay(addDays(entry.validUntil, 1)) : undefined;
}

function remove(entry: ListEntry, reason: RemovalReason, on: IsoDate, at: Date): ListEntry {
  return bump(entry, { status: 'removed', removal: { on, at: at.toISOString(), reason } });
}

/** Removal at the end of validity; 移出日期 is the first day after it, however late the sweep runs. */
export function expire(entry: ListEntry, at: Date): ListEntry {
  const due = expiryInstant(entry);
  if (entry.status !== 'listed' || !due || at.getTime() < Date.parse(due)) {
    throw conflict('entry_not_expired', '名单条目尚未到期', 'the entry has not expired', {});
  }
  return remove(entry, 'expired', addDays(entry.validUntil as IsoDate, 1), at);
}

/** The pending filing of a kind, if any: filed, not decided. */
export function pendingFiling(entry: ListEntry, kind: EntryFilingKind): EntryFiling | undefined {
  const filing = entry[kind];
  return filing && !filing.decision ? filing : undefined;
}

/** 异议处理中: a pending objection, shown publicly until decided. */
export function isUnderObjection(entry: ListEntry): boolean {
  return pendingFiling(entry, 'objection') !== undefined;
}

/** The first day the party may apply to leave early: after the list's minimum listing period. */
export function earlyExitFrom(entry: ListEntry): IsoDate | undefined {
  if (!entry.listedOn) return undefined;
  return entry.type === 'serious_dishonesty'
    ? addMonths(entry.listedOn, TIME_LIMITS.listEarlyExitSerious.value)
    : entry.listedOn;
}

/**
 * An objection or early-exit application against a listed entry: one of each kind pending at
 * a time. Early exit needs the list's own conditions: the minimum listing period over, a
 * recent commitment and at least one piece of evidence that the breach was put right.
 */
export function fileAgainst(
  entry: ListEntry,
  filing: Omit<EntryFiling, 'filedAt' | 'deadline' | 'decision' | 'escalatedAt'>,
  deadline: HandlingDeadline,
  at: Date,
): ListEntry {
  assertStatus(entry, 'listed');
  if (pendingFiling(entry, filing.kind)) {
    throw conflict(
      `${filing.kind}_pending`,
      filing.kind === 'objection' ? '该名单条目已有待处理的异议' : '该名单条目已有待决定的提前移出申请',
      `a ${filing.kind} of this entry is already pending`,
    );
  }
  if (filing.kind === 'exit') {
    const today = shanghaiDate(at);
    const from = earlyExitFrom(entry) as IsoDate;
    if (today < from) {
      throw violation(
        'minimum_listing_not_over',
        'entryId',
        `最短列入期未满，${from} 起方可申请提前移出`,
        `the minimum listing period is not over; apply from ${from}`,
        { firstAllowedDate: from },
      );
    }
    if (!filing.commitment) {
      throw violation(
        'commitment_required',
        'commitment',
        '须提交信用承诺书',
        'a credit commitment is required',
      );
    }
    assertRecentCommitment(filing.commitment, today);
    if (filing.evidence.length === 0) {
      throw violation(
        'evidence_required',
        'evidence',
        '须提交已纠正失信行为、履行义务的证明材料',
        'evidence that the breach was put right is required',
      );
    }
  }
  return bump(entry, { [filing.kind]: { ...filing, filedAt: at.toISOString(), deadline } });
}

/**
 * The agency's decision on a filing. An upheld objection (wrongly listed) or an approved early
 * exit removes the entry at once; a rejected one leaves it listed and clears 异议处理中.
 */
export function decideFiling(
  entry: ListEntry,
  kind: EntryFilingKind,
  decision: { outcome: FilingOutcome; reason: string },
  at: Date,
): ListEntry {
  const filing = pendingFiling(entry, kind);
  if (!filing || entry.status !== 'listed') {
    throw conflict(`no_pending_${kind}`, '没有待决定的申请', `no ${kind} of this entry is pending`);
  }
  const decided = bump(entry, { [kind]: { ...filing, decision: { ...decision, at: at.toISOString() } } });
  if (decision.outcome === 'rejected') return decided;
  return {
    ...remove(decided, kind === 'exit' ? 'early_exit' : 'objection_upheld', shanghaiDate(at), at),
    revision: decided.revision,
  };
}

export function escalateFiling(entry: ListEntry, kind: EntryFilingKind, at: Date): ListEntry {
  const filing = entry[kind] as EntryFiling;
  return bump(entry, { [kind]: { ...filing, escalatedAt: at.toISOString() } });
}

/** Whether `party` is the one an entry is about (an entity by USCC, a person by ID number). */
export function isListed(entry: ListEntry, party: Filer): boolean {
  const { subject } = entry;
  if (party.role === 'entity') return subject.category !== 'natural_person' && subject.uscc === party.uscc;
  return (
    subject.category === 'natural_person' &&
    subject.idNumber !== undefined &&
    subject.idNumber.toUpperCase() === party.idNumber.toUpperCase()
  );
}

/** In public view: listed, and not about a natural person (山东省社会信用条例 第20条). */
export function isPublicEntry(entry: ListEntry): boolean {
  return entry.status === 'listed' && entry.subject.category !== 'natural_person';
}
