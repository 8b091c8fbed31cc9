import { type ChainHead, GENESIS } from '../audit.ts';
import { type IsoDate, shanghaiDate } from '../dates.ts';
import { ConflictError, RuleViolationError } from '../errors.ts';
import type { ListEntry } from '../lists/entry.ts';
import { type MatterType, type MeasureCode, measuresFor } from '../lists/measures.ts';
import type { ListType } from '../lists/vocabulary.ts';
import type { RecordKind } from '../records/vocabulary.ts';
import type { HandlingDeadline } from '../workflows/filing.ts';

/**
 * 应查必查: an agency about to grant, award or fund checks the entity first and gets a receipt
 * (the check) listing the entity's active list entries, the measures bearing on the matter and
 * its published records; it then reports what it did (执行反馈) within the feedback period, or
 * the check is escalated to the credit office (济阳信用办〔2020〕2号（十）2). Late feedback is
 * still taken, and marked late.
 */

export interface Matter {
  readonly name: string;
  readonly type: MatterType;
}

/** A list entry as a check's receipt keeps it: what was in force when the agency checked. */
export interface CheckedEntry {
  readonly id: string;
  readonly type: ListType;
  readonly agency: string;
  readonly basis: string;
  readonly listedOn: IsoDate;
  readonly validUntil: IsoDate;
  readonly underObjection: boolean;
  /** The entry's measures that bear on the matter checked. */
  readonly measures: readonly MeasureCode[];
}

export interface CheckedRecord {
  readonly id: string;
  readonly kind: RecordKind;
  readonly documentNumber: string;
  readonly decisionDate: IsoDate;
  readonly agency: string;
}

export interface Feedback {
  readonly applied: boolean;
  /** The measures applied (a subset of the check's); empty when none was. */
  readonly measures: readonly MeasureCode[];
  readonly reason: string;
  /** The day the agency acted (granted, refused, awarded…). */
  readonly actedOn: IsoDate;
  readonly at: string;
  /** Given after the feedback deadline (it is taken all the same). */
  readonly late: boolean;
}

export interface CreditCheck {
  readonly id: string;
  /** The checking agency, by USCC: the only one that may read the check. */
  readonly agency: string;
  readonly uscc: string;
  /** The entity's name, from its entries or records; absent when the service holds none. */
  readonly subjectName?: string | undefined;
  readonly matter: Matter;
  readonly madeAt: string;
  readonly entries: readonly CheckedEntry[];
  readonly records: readonly CheckedRecord[];
  /** Whether more public records exist than the receipt lists. */
  readonly moreRecords: boolean;
  /** Every measure bearing on the matter, from all entries. */
  readonly measures: readonly MeasureCode[];
  readonly deadline: HandlingDeadline;
  readonly feedback?: Feedback | undefined;
  readonly escalatedAt?: string | undefined;
  readonly revision: number;
  readonly head: ChainHead;
}

export function checkedEntry(entry: ListEntry, matter: MatterType, underObjection: boolean): CheckedEntry {
  return {
    id: entry.id,
    type: entry.type,
    agency: entry.agency,
    basis: entry.basis,
    listedOn: entry.listedOn as IsoDate,
    validUntil: entry.validUntil as IsoDate,
    underObjection,
    measures: measuresFor(entry.measures, matter),
  };
}

export function makeCheck(
  input: Omit<CreditCheck, 'measures' | 'madeAt' | 'revision' | 'head' | 'feedback' | 'escalatedAt'>,
  at: Date,
): CreditCheck {
  const measures = [...new Set(input.entries.flatMap((e) => e.measures))];
  return { ...input, measures, madeAt: at.toISOString(), revision: 1, head: GENESIS };
}

/**
 * The agency's feedback: once; applied names measures of the check (all of them when it names
 * none), not applied names none; acted on a day between the check and today.
 */
export function giveFeedback(
  check: CreditCheck,
  input: {
    applied: boolean;
    measures?: readonly MeasureCode[] | undefined;
    reason: string;
    actedOn: IsoDate;
  },
  at: Date,
): CreditCheck {
  if (check.feedback) {
    throw new ConflictError({
      code: 'feedback_already_given',
      messages: { zh: '该核查已反馈执行情况', en: 'feedback on this check has already been given' },
    });
  }
  const today = shanghaiDate(at);
  if (input.actedOn > today || input.actedOn < shanghaiDate(new Date(check.madeAt))) {
    throw new RuleViolationError({
      code: 'acted_on_out_of_range',
      field: 'actedOn',
      messages: {
        zh: '执行日期须在核查日与今日之间',
        en: 'the day acted on must lie between the check and today',
      },
    });
  }
  const named = input.measures ?? [];
  const stray = named.find((m) => !check.measures.includes(m));
  if (
    stray !== undefined ||
    (!input.applied && named.length > 0) ||
    (input.applied && check.measures.length === 0)
  ) {
    throw new RuleViolationError({
      code: 'measures_not_applicable',
      field: 'measures',
      messages: {
        zh: '所报措施须为本次核查结果中适用于该事项的措施；未采取措施时不得填写',
        en: 'the measures must be among those the check found for the matter, and none when none was applied',
      },
      details: { applicable: check.measures },
    });
  }
  const feedback: Feedback = {
    applied: input.applied,
    measures: input.applied ? (named.length > 0 ? named : check.measures) : [],
    reason: input.reason,
    actedOn: input.actedOn,
    at: at.toISOString(),
    // Escalated means the deadline was found passed; feedback after that is late, whatever the clock says.
    late: check.escalatedAt !== undefined || at.getTime() >= Date.parse(check.deadline.dueAt),
  };
  return { ...check, feedback, revision: check.revision + 1 };
}

export function escalateCheck(check: CreditCheck, at: Date): CreditCheck {
  return { ...check, escalatedAt: at.toISOString(), revision: check.revision + 1 };
}

/** Open deadlines of a check: its feedback due, until given or escalated. */
export function checkDeadlines(check: CreditCheck) {
  return check.feedback || check.escalatedAt
    ? []
    : [{ kind: 'check-feedback-due' as const, dueAt: check.deadline.dueAt }];
}
