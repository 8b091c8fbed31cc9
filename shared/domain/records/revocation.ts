import { addWorkingDays, type WorkingCalendar, workingDaysBetween } from '../calendar/working-days.ts';
import { type IsoDate, shanghaiDate } from '../dates.ts';
import { InvalidInputError } from '../errors.ts';
import { type DomainEvent, recordEvent } from '../events.ts';
import { TIME_LIMITS } from '../policy/time-limits.ts';
import { scrubText } from './masking.ts';
import { personalDataOf } from './public-view.ts';
import type { DisclosureRecord } from './record.ts';
import { isShownAt } from './shown.ts';

/**
 * A record whose decision is revoked or changed (复议, 诉讼, or the agency itself) must be
 * withdrawn or changed within TIME_LIMITS.recordChange working days of the revoking or
 * changing decision: 山东省社会信用条例 第40条 「自撤销或者变更之日起三个工作日内向公共信用信息平台
 * 报送」; 行政处罚法 第48条 「应当在三日内撤回行政处罚决定信息并公开说明理由」.
 */

/** The decision that revokes or changes a record's decision: its date and document number. */
export interface ChangingDecision {
  readonly decisionDate: IsoDate;
  readonly documentNumber: string;
}

export interface ChangeDeadline {
  readonly due: IsoDate;
  readonly dueAt: string;
  readonly provisional: boolean;
}

/** The limit judged when the change was entered, as publication is judged against disclosure. */
export interface ChangeJudgement {
  readonly deadline: ChangeDeadline;
  readonly onTime: boolean;
  readonly workingDaysLate: number;
}

/** A changing decision as the record keeps it, with its judgement. */
export type JudgedChange = ChangingDecision & ChangeJudgement;

/**
 * The end of the record-change period: day 0 is the changing decision's date, the period ends
 * at 24:00 Asia/Shanghai of its TIME_LIMITS.recordChange-th working day.
 */
export function recordChangeDeadline(calendar: WorkingCalendar, decisionDate: IsoDate): ChangeDeadline {
  const { due, dueAt, provisional } = addWorkingDays(calendar, decisionDate, TIME_LIMITS.recordChange.value);
  return { due, dueAt, provisional };
}

/**
 * Whether a change entered at `at` met the limit counted from its decision (第40条, 第48条):
 * on time up to the end of the due day, else late by the working days after it.
 */
export function judgeRecordChange(
  calendar: WorkingCalendar,
  decisionDate: IsoDate,
  at: Date,
): ChangeJudgement {
  const deadline = recordChangeDeadline(calendar, decisionDate);
  const onTime = at.getTime() <= Date.parse(deadline.dueAt);
  const workingDaysLate = onTime ? 0 : workingDaysBetween(calendar, deadline.due, shanghaiDate(at));
  return { deadline, onTime, workingDaysLate };
}

/**
 * A changing decision lies between the decision it changes and today (Asia/Shanghai): it cannot
 * come before what it revokes, and a decision not yet made cannot start a period.
 */
export function assertChangingDecisionDate(
  record: DisclosureRecord,
  decision: ChangingDecision,
  at: Date,
): void {
  const today = shanghaiDate(at);
  if (decision.decisionDate > today) {
    throw new InvalidInputError({
      code: 'decision_date_in_future',
      field: 'decisionDate',
      messages: {
        zh: `撤销或变更决定的日期不能晚于今日（${today}）`,
        en: `the revoking or changing decision's date must not be after today (${today}, Asia/Shanghai)`,
      },
    });
  }
  if (decision.decisionDate < record.content.decisionDate) {
    throw new InvalidInputError({
      code: 'decision_date_before_record',
      field: 'decisionDate',
      messages: {
        zh: `撤销或变更决定的日期不能早于原决定日期（${record.content.decisionDate}）`,
        en: `the revoking or changing decision's date must not be before the record's decision date (${record.content.decisionDate})`,
      },
    });
  }
}

/**
 * Whether the public reads a revocation notice for `record` at `now` (处罚法 第48条: 公开说明理由):
 * it was in public view when revoked, and its publication window — as if it had not been
 * revoked — has not ended, so the notice never outlives what it replaces (条例 第59条(五)).
 */
export function isRevocationNoticeShownAt(record: DisclosureRecord, now: Date): boolean {
  if (record.status !== 'revoked' || !record.revocation?.shownWhenRevoked) return false;
  return isShownAt({ ...record, status: 'published' }, now);
}

/** The last correction of `record` made under a changing decision, which the entry keeps. */
export function withChangingDecision(record: DisclosureRecord, decision: JudgedChange): DisclosureRecord {
  const last = record.history.at(-1);
  if (!last) return record;
  return { ...record, history: [...record.history.slice(0, -1), { ...last, decision }] };
}

/**
 * What a revocation tells: the entity that its record was revoked, why and by which decision
 * (an organisation, by its USCC; telling natural persons is not built yet), and, when it came
 * after its limit, an `overdue` event for the credit office (条例 第40条).
 */
export function revocationEvents(record: DisclosureRecord, at: Date): DomainEvent[] {
  const r = record.revocation;
  if (!r) return [];
  const { subject, documentNumber, decisionDate } = record.content;
  const entity = subject.category === 'natural_person' ? undefined : subject.uscc;
  const told = recordEvent(
    'record-revoked',
    record,
    at,
    {
      // The event leaves the service (EventBridge): the reason is masked as the public notice is.
      reason: scrubText(r.reason, personalDataOf(record)),
      record: { kind: record.content.kind, documentNumber, decisionDate },
      ...(r.decisionDate ? { decisionDate: r.decisionDate, documentNumber: r.documentNumber } : {}),
      ...(r.deadline ? { due: r.deadline.due, onTime: r.onTime } : {}),
    },
    entity,
  );
  if (!r.escalatedAt || !r.deadline) return [told];
  const overdue = recordEvent('overdue', record, at, {
    action: 'revoked-late',
    dueAt: r.deadline.dueAt,
    workingDaysLate: r.workingDaysLate,
    escalated: true,
  });
  return [told, overdue];
}

/**
 * What a correction under a changing decision tells: when it came after its limit, an
 * `overdue` event for the credit office (条例 第40条), as a late revocation does.
 */
export function lateChangeEvents(record: DisclosureRecord, change: JudgedChange, at: Date): DomainEvent[] {
  if (change.onTime) return [];
  return [
    recordEvent('overdue', record, at, {
      action: 'changed-late',
      dueAt: change.deadline.dueAt,
      workingDaysLate: change.workingDaysLate,
      escalated: true,
    }),
  ];
}
