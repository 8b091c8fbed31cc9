import { auditEntryFor } from '../audit.ts';
import { type CalendarYearsPort, withCalendar } from '../calendar/load-calendar.ts';
import { shanghaiDate, yearOf } from '../dates.ts';
import type { DueDeadline } from '../deadlines/kinds.ts';
import type { DuePredictor } from '../deadlines/preview.ts';
import type { Recomputer } from '../deadlines/recompute.ts';
import { type DeadlineHandler, SWEEP_ACTOR } from '../deadlines/sweep.ts';
import { recordEvent } from '../events.ts';
import { disclosureDeadline, publicationExpiry, recordDeadlines } from './deadlines.ts';
import { lifecycleEvents } from './lifecycle-events.ts';
import type { RecordStore } from './ports.ts';
import type { DisclosureRecord } from './record.ts';
import { publish } from './transitions.ts';
import { visibilityOf } from './visibility.ts';

export interface RecordDeadlineDeps {
  readonly records: RecordStore;
  readonly calendarYears: CalendarYearsPort;
  /** Publish a record automatically when its deadline passes (default on). */
  readonly autoPublish: boolean;
}

/**
 * What the timers do to records. Each handler re-reads the record, checks the deadline is
 * still open and due, and writes the change, its audit entry and its event in one
 * conditional transaction; a second run finds nothing left to do ('stale').
 */
export function makeRecordDeadlineHandlers({ records, calendarYears, autoPublish }: RecordDeadlineDeps) {
  async function apply(
    before: DisclosureRecord,
    after: DisclosureRecord,
    action: string,
    now: Date,
    events: ReturnType<typeof recordEvent>[],
  ): Promise<void> {
    const audit = auditEntryFor(before, after, { actor: SWEEP_ACTOR, action, at: now });
    await records.save(before, { ...after, head: audit }, audit, [
      ...lifecycleEvents(before, after, now),
      ...events,
    ]);
  }

  /**
   * The record if the deadline is still open and due; otherwise why not: 'stale' (closed:
   * the index entry is dropped) or 'not-due' (open but later: the entry stays).
   */
  async function dueRecord(item: DueDeadline, now: Date): Promise<DisclosureRecord | 'stale' | 'not-due'> {
    const record = await records.get(item.subjectId);
    const open = record && recordDeadlines(record).find((d) => d.kind === item.kind);
    if (!record || !open) return 'stale';
    return Date.parse(open.dueAt) <= now.getTime() ? record : 'not-due';
  }

  const reminder: DeadlineHandler = async (item, now) => {
    const record = await dueRecord(item, now);
    if (typeof record === 'string') return record;
    const after: DisclosureRecord = {
      ...record,
      revision: record.revision + 1,
      disclosure: { ...record.disclosure, remindedAt: now.toISOString() },
    };
    await apply(record, after, 'record.reminded', now, [
      recordEvent('reminder', after, now, { dueAt: record.disclosure.dueAt, due: record.disclosure.due }),
    ]);
    return 'reminded';
  };

  const disclosureDue: DeadlineHandler = async (item, now) => {
    const record = await dueRecord(item, now);
    if (typeof record === 'string') return record;
    if (autoPublish && visibilityOf(record.content).public) {
      const years: number[] = [];
      for (let y = yearOf(record.content.decisionDate); y <= yearOf(shanghaiDate(now)); y++) years.push(y);
      const published = await withCalendar(calendarYears, years, (calendar) =>
        publish(record, now, 'system', calendar),
      );
      await apply(record, published, 'record.published_late_automatically', now, [
        recordEvent('overdue', published, now, {
          action: 'auto-published',
          dueAt: record.disclosure.dueAt,
          workingDaysLate: published.publication?.workingDaysLate,
        }),
      ]);
      return 'auto-published';
    }
    const overdue: DisclosureRecord = {
      ...record,
      revision: record.revision + 1,
      overdue: { at: now.toISOString() },
    };
    await apply(record, overdue, 'record.marked_overdue', now, [
      recordEvent('overdue', overdue, now, {
        action: 'marked-overdue',
        dueAt: record.disclosure.dueAt,
        reason: autoPublish ? 'not-public' : 'auto-publish-off',
      }),
    ]);
    return 'marked-overdue';
  };

  const expiry: DeadlineHandler = async (item, now) => {
    const record = await dueRecord(item, now);
    if (typeof record === 'string') return record;
    const endsAt = publicationExpiry(record);
    const ended: DisclosureRecord = {
      ...record,
      revision: record.revision + 1,
      publicationEnd: { at: now.toISOString(), reason: 'expired' },
    };
    await apply(record, ended, 'record.publication_expired', now, [
      recordEvent('expired', ended, now, { endedAt: endsAt }),
    ]);
    return 'expired';
  };

  /** Completes the name index of a renamed record whose second write step did not happen. */
  const nameIndex: DeadlineHandler = async (item, now) => {
    const record = await dueRecord(item, now);
    if (typeof record === 'string') return record;
    const done: DisclosureRecord = { ...record, revision: record.revision + 1, nameIndexPending: undefined };
    await apply(record, done, 'record.name_index_completed', now, []);
    return 'name-index-completed';
  };

  /** Moves a registered record's disclosure deadline to what the calendar now says. */
  /** A registered record whose disclosure deadline is still open, else undefined. */
  async function openRecord(item: DueDeadline) {
    const record = await records.get(item.subjectId);
    return record?.status === 'registered' && !record.overdue ? record : undefined;
  }

  /** The pure half of the recomputer: the deadline under `years`, nothing written. */
  const nextDisclosure = (record: DisclosureRecord, years: CalendarYearsPort) =>
    withCalendar(years, [yearOf(record.content.decisionDate)], (calendar) =>
      disclosureDeadline(calendar, record.content.decisionDate),
    );

  const predictDisclosure: DuePredictor = async (item, years) => {
    const record = await openRecord(item);
    if (!record) return undefined;
    const next = await nextDisclosure(record, years);
    return { id: record.id, agency: record.authority.uscc, oldDue: record.disclosure.due, newDue: next.due };
  };

  const recomputeDisclosure: Recomputer = async (item, why, now) => {
    const record = await openRecord(item);
    if (!record) return 'stale';
    const next = await nextDisclosure(record, calendarYears);
    const old = record.disclosure;
    if (
      next.dueAt === old.dueAt &&
      next.reminderAt === old.reminderAt &&
      next.provisional === old.provisional
    ) {
      return 'unchanged';
    }
    const moved = next.dueAt !== old.dueAt;
    const after: DisclosureRecord = {
      ...record,
      revision: record.revision + 1,
      // A reminder already sent stays sent; one not yet due moves with the deadline.
      disclosure: { ...next, ...(old.remindedAt ? { remindedAt: old.remindedAt } : {}) },
      deadlineMoves: moved
        ? [
            ...(record.deadlineMoves ?? []),
            { kind: 'disclosure-due', from: old.dueAt, to: next.dueAt, at: now.toISOString(), why },
          ]
        : record.deadlineMoves,
    };
    await apply(record, after, 'record.deadline_recomputed', now, [
      ...(moved
        ? [
            recordEvent('deadline-moved', after, now, {
              kind: 'disclosure-due',
              from: old.dueAt,
              to: next.dueAt,
              why,
            }),
          ]
        : []),
    ]);
    return moved ? 'moved' : 'unchanged';
  };

  return {
    handlers: {
      'disclosure-reminder': reminder,
      'disclosure-due': disclosureDue,
      'publication-expiry': expiry,
      'name-index': nameIndex,
    },
    recomputers: { 'disclosure-due': recomputeDisclosure },
    predictors: { 'disclosure-due': predictDisclosure },
  };
}
