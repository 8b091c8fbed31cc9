import type { OpenDeadline } from '../deadlines/kinds.ts';
import type { Filing, HandlingDeadline } from './filing.ts';
import type { WorkflowKind } from './party.ts';

/**
 * The deadlines a filing has open in its current state: its handling deadline and, until it
 * is sent, the reminder one working day before. Both close once the filing is decided or
 * escalated (an escalated filing's agency has been reported, not reminded). The store keeps
 * one index entry per open deadline and derives them from here on every write, so an entry
 * disappears in the same transaction as the change that closes it.
 */
export function filingDeadlines(
  kind: WorkflowKind,
  filing: Filing & { readonly status: string },
): OpenDeadline[] {
  if (filing.status !== 'pending' || filing.escalatedAt) return [];
  const { dueAt, reminderAt, remindedAt } = filing.deadline;
  const open: OpenDeadline[] = [{ kind: `${kind}-due`, dueAt }];
  if (reminderAt && !remindedAt) open.push({ kind: `${kind}-reminder`, dueAt: reminderAt });
  return open;
}

/**
 * The deadline `next` (just computed from the calendar) as a filing that had `old` keeps it:
 * a reminder already sent stays sent, and a filing stored before reminders existed gets none
 * now (its reminder instant may long have passed).
 */
export function movedDeadline(old: HandlingDeadline, next: HandlingDeadline): HandlingDeadline {
  const { reminderAt: _next, ...due } = next;
  if (old.reminderAt === undefined) return due;
  return { ...next, ...(old.remindedAt ? { remindedAt: old.remindedAt } : {}) };
}

/**
 * The deadline `next` replacing `old` when an objection is accepted (its limit fixed at 3 or
 * 7 working days): the same deadline keeps its reminder as it stands (sent stays sent, so the
 * agency is not reminded twice); a new, later deadline gets a reminder of its own.
 */
export function replacedDeadline(old: HandlingDeadline, next: HandlingDeadline): HandlingDeadline {
  return next.dueAt === old.dueAt ? movedDeadline(old, next) : next;
}
