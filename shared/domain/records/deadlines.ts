import { addWorkingDays, type WorkingCalendar } from '../calendar/working-days.ts';
import { endOfShanghaiDay } from '../dates.ts';
import type { OpenDeadline } from '../deadlines/kinds.ts';
import { publicationWindow } from '../policy/publication-window.ts';
import { TIME_LIMITS } from '../policy/time-limits.ts';
import type { DisclosureDeadline, DisclosureRecord } from './record.ts';

/** The disclosure deadline of a decision, and the reminder one working day before it. */
export function disclosureDeadline(calendar: WorkingCalendar, decisionDate: string): DisclosureDeadline {
  const n = TIME_LIMITS.disclosure.value;
  const deadline = addWorkingDays(calendar, decisionDate, n);
  const reminder = n > 1 ? addWorkingDays(calendar, decisionDate, n - 1) : undefined;
  return {
    due: deadline.due,
    dueAt: deadline.dueAt,
    provisional: deadline.provisional,
    ...(reminder ? { reminderAt: reminder.dueAt } : {}),
  };
}

/**
 * When a published penalty stops being published by itself (24:00 of its last day). Also for
 * one the public never sees (a natural person's, 条例 第20条): 第38条 ends every disclosure,
 * authorised queries and the person's own objections and repairs included.
 */
export function publicationExpiry(record: DisclosureRecord): string | undefined {
  if (record.content.kind !== 'penalty' || record.status !== 'published' || record.publicationEnd) {
    return undefined;
  }
  const window = publicationWindow(record.content.decisionDate, record.content.penalty);
  return window && endOfShanghaiDay(window.publishedUntil);
}

/**
 * The deadlines a record has open in its current state. The store keeps one index entry
 * per open deadline and derives them from here on every write, so an entry disappears in
 * the same transaction as the change that closes it.
 */
export function recordDeadlines(record: DisclosureRecord): OpenDeadline[] {
  const open: OpenDeadline[] = [];
  if (record.status === 'registered' && !record.overdue) {
    open.push({ kind: 'disclosure-due', dueAt: record.disclosure.dueAt });
    if (record.disclosure.reminderAt && !record.disclosure.remindedAt) {
      open.push({ kind: 'disclosure-reminder', dueAt: record.disclosure.reminderAt });
    }
  }
  const expiry = publicationExpiry(record);
  if (expiry) open.push({ kind: 'publication-expiry', dueAt: expiry });
  if (record.nameIndexPending) open.push({ kind: 'name-index', dueAt: record.nameIndexPending.since });
  return open;
}
