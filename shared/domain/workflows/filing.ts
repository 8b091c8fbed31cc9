import { type ChainHead, GENESIS } from '../audit.ts';
import { type CalendarYearsPort, withCalendar } from '../calendar/load-calendar.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import { type IsoDate, shanghaiDate, yearOf } from '../dates.ts';
import type { DisclosureRecord } from '../records/record.ts';

/**
 * What every filing (an objection, a repair application) carries: the evidence the entity
 * supplied, a summary of the record as it was when filed, and the deadline of its handling.
 */

export interface Evidence {
  readonly name: string;
  readonly sha256: string;
  readonly url?: string | undefined;
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
}

/** What an objection and a repair application have in common. */
export interface Filing {
  readonly id: string;
  readonly recordId: string;
  readonly record: RecordSummary;
  readonly entity: string;
  readonly agency: string;
  readonly evidence: readonly Evidence[];
  readonly filedAt: string;
  readonly deadline: HandlingDeadline;
  readonly escalatedAt?: string | undefined;
  readonly revision: number;
  readonly head: ChainHead;
}

/** A new filing of `entity` about `record`, handled by the record's agency by `deadline`. */
export function newFiling(
  record: DisclosureRecord,
  filing: { readonly id: string; readonly entity: string; readonly evidence: readonly Evidence[] },
  deadline: HandlingDeadline,
  at: Date,
): Filing & { readonly status: 'pending' } {
  return {
    id: filing.id,
    recordId: record.id,
    record: recordSummary(record),
    entity: filing.entity,
    agency: record.authority.uscc,
    evidence: filing.evidence,
    status: 'pending',
    filedAt: at.toISOString(),
    deadline,
    revision: 1,
    head: GENESIS,
  };
}

/** Working days from the date of `at` (Asia/Shanghai), as a handling deadline. */
export async function handlingDeadline(
  calendarYears: CalendarYearsPort,
  at: Date,
  workingDays: number,
): Promise<HandlingDeadline> {
  const from = shanghaiDate(at);
  const d = await withCalendar(calendarYears, [yearOf(from)], (calendar) =>
    addWorkingDays(calendar, from, workingDays),
  );
  return { due: d.due, dueAt: d.dueAt, provisional: d.provisional };
}
