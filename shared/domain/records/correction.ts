import type { RecordInput } from '../../schemas/records/record-input.ts';
import { type CalendarYearsPort, withCalendar } from '../calendar/load-calendar.ts';
import { shanghaiDate, yearOf } from '../dates.ts';
import { RuleViolationError } from '../errors.ts';
import { mergeChanges } from './merge.ts';
import type { DisclosureRecord } from './record.ts';
import { assertDecidedByToday, assertKindUnchanged, correct, recountDeadline } from './transitions.ts';

/** Checks a whole record input (the zod schema, injected so the domain does not load zod). */
export type ValidateContent = (content: unknown) => RecordInput;

export interface CorrectionRequest {
  readonly changes: Record<string, unknown>;
  /** Why, as the history and the public will read it. */
  readonly reason: string;
  /** Where the request carried the changes (`changes`, `correction`), for naming a field to blame. */
  readonly field: string;
}

/**
 * A correction, however it comes (an agency's own, or an upheld objection's): the changes
 * merged into the content and validated as a whole, no decision after today, a new version
 * with the old one in the history and, if the decision date moved, the disclosure deadline
 * and the publication's timeliness counted again.
 */
export async function applyCorrection(
  record: DisclosureRecord,
  request: CorrectionRequest,
  deps: { readonly validate: ValidateContent; readonly calendarYears: CalendarYearsPort; readonly at: Date },
): Promise<DisclosureRecord> {
  const { changes, reason, field } = request;
  const { at, validate, calendarYears } = deps;
  assertKindUnchanged(record, changes, field);
  const content = validate(mergeChanges(record.content, changes));
  const today = shanghaiDate(at);
  assertDecidedByToday(content, today, `${field}.decisionDate`);
  const corrected = renamed(field, () => correct(record, content, reason, at));
  if (content.decisionDate === record.content.decisionDate) return corrected;
  // A publication lies between the decision and today, so these years cover it too.
  return withCalendar(calendarYears, [yearOf(content.decisionDate), yearOf(today)], (calendar) =>
    recountDeadline(corrected, calendar, at),
  );
}

/** A correction that changes nothing names the part of the request that carried it. */
function renamed(field: string, work: () => DisclosureRecord): DisclosureRecord {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof RuleViolationError) || error.field !== 'changes' || field === 'changes')
      throw error;
    throw new RuleViolationError({ code: error.code, field, messages: error.messages, cause: error });
  }
}
