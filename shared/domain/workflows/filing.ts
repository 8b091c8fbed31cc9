import { type ChainHead, GENESIS } from '../audit.ts';
import { type CalendarYearsPort, withCalendar } from '../calendar/load-calendar.ts';
import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.ts';
import { type IsoDate, shanghaiDate, yearOf } from '../dates.ts';
import { checkFilingMaterials, type MaterialFile } from '../materials/rules.ts';
import type { DisclosureRecord } from '../records/record.ts';
import { isPublishedAt, isShownAt } from '../records/shown.ts';
import { type Filer, filerFields } from './party.ts';

/**
 * What every filing (an objection, a repair application) carries: the evidence the entity
 * supplied, a summary of the record as it was when filed, and the deadline of its handling.
 */

export interface Evidence {
  readonly name: string;
  readonly sha256: string;
  readonly url?: string | undefined;
  /** The file itself, sent after filing (materials/use-cases.ts); absent for a digest-only item. */
  readonly file?: MaterialFile | undefined;
}

/** What the entity's lists show of the record, kept as it was when the case was filed. */
export interface RecordSummary {
  readonly kind: string;
  readonly documentNumber: string;
  readonly decisionDate: string;
  readonly subjectName: string;
}

export function recordSummary(record: {
  content: { kind: string; documentNumber: string; decisionDate: string; subject: { name: string } };
}): RecordSummary {
  const { kind, documentNumber, decisionDate, subject } = record.content;
  return { kind, documentNumber, decisionDate, subjectName: subject.name };
}

export interface HandlingDeadline {
  readonly due: IsoDate;
  readonly dueAt: string;
  readonly provisional: boolean;
  /**
   * When the agency is reminded: one working day before `dueAt`. Absent on filings stored
   * before reminders existed, which simply get none.
   */
  readonly reminderAt?: string | undefined;
  /** When the reminder went out (the sweep sets it once). */
  readonly remindedAt?: string | undefined;
}

/**
 * What an objection and a repair application have in common. Exactly one of `entity` (the
 * filer's USCC) and `person` (the filer's resident ID number) is set: filerOf (party.ts).
 */
export interface Filing {
  readonly id: string;
  readonly recordId: string;
  readonly record: RecordSummary;
  readonly entity?: string | undefined;
  readonly person?: string | undefined;
  readonly agency: string;
  readonly evidence: readonly Evidence[];
  readonly filedAt: string;
  readonly deadline: HandlingDeadline;
  readonly escalatedAt?: string | undefined;
  readonly revision: number;
  readonly head: ChainHead;
}

/** A new filing of `filer` about `record`, handled by the record's agency by `deadline`. */
export function newFiling(
  record: DisclosureRecord,
  filing: { readonly id: string; readonly filer: Filer; readonly evidence: readonly Evidence[] },
  deadline: HandlingDeadline,
  at: Date,
): Filing & { readonly status: 'pending' } {
  checkFilingMaterials(filing.evidence);
  return {
    id: filing.id,
    recordId: record.id,
    record: recordSummary(record),
    ...filerFields(filing.filer),
    agency: record.authority.uscc,
    evidence: filing.evidence,
    status: 'pending',
    filedAt: at.toISOString(),
    deadline,
    revision: 1,
    head: GENESIS,
  };
}

/**
 * Whether `record` is in force at `now` for a filing of `filer`. An entity's record: in public
 * view. A person's record is never in public view (山东省社会信用条例 第20条), yet once published
 * it is collected, shared and used, which is what 第39条 (objection) and 第41条 (repair) are
 * about; so for a person the test is "published, and its period not over", not "publicly
 * listed". Either way a period that ran out counts at once, not from the next daily sweep.
 */
export function isInForceFor(record: DisclosureRecord, filer: Filer, now: Date): boolean {
  return filer.role === 'entity' ? isShownAt(record, now) : isPublishedAt(record, now);
}

/**
 * `workingDays` from `from` as a handling deadline, and its reminder one working day before,
 * counted as a record's disclosure reminder is (records/deadlines.ts disclosureDeadline): the
 * end of the (n-1)-th working day, so the agency is told when one working day is left.
 */
export function handlingPeriod(
  calendar: WorkingCalendar,
  from: IsoDate,
  workingDays: number,
): HandlingDeadline {
  const d = addWorkingDays(calendar, from, workingDays);
  const reminder = workingDays > 1 ? addWorkingDays(calendar, from, workingDays - 1) : undefined;
  return {
    due: d.due,
    dueAt: d.dueAt,
    provisional: d.provisional,
    ...(reminder ? { reminderAt: reminder.dueAt } : {}),
  };
}

/** Working days from the date of `at` (Asia/Shanghai), as a handling deadline with its reminder. */
export async function handlingDeadline(
  calendarYears: CalendarYearsPort,
  at: Date,
  workingDays: number,
): Promise<HandlingDeadline> {
  const from = shanghaiDate(at);
  return withCalendar(calendarYears, [yearOf(from)], (calendar) =>
    handlingPeriod(calendar, from, workingDays),
  );
}
