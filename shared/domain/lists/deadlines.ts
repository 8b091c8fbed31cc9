import type { OpenDeadline } from '../deadlines/kinds.ts';
import { type EntryFiling, expiryInstant, type ListEntry, pendingFiling } from './entry.ts';

/**
 * The deadlines a list entry has open in its state. The store keeps one index entry per open
 * deadline and derives them from here on every write, so an entry closes in the same write as
 * the change that closes it:
 * - proposed: the end of the hearing (the agency is told it may decide) and, one working day
 *   before it, the party's reminder (both close when the party states its case or the period
 *   ends), and the decision due;
 * - listed: the end of validity, and the handling limit of a pending objection or exit.
 */
export function entryDeadlines(entry: ListEntry): OpenDeadline[] {
  if (entry.status === 'proposed') {
    const open: OpenDeadline[] = [];
    const { hearing } = entry;
    if (!entry.statement && !entry.hearingEndedAt) {
      open.push({ kind: 'list-hearing-end', dueAt: hearing.dueAt });
      if (hearing.reminderAt && !hearing.remindedAt)
        open.push({ kind: 'list-hearing-reminder', dueAt: hearing.reminderAt });
    }
    if (!entry.decisionEscalatedAt)
      open.push({ kind: 'list-decision-due', dueAt: entry.decisionDeadline.dueAt });
    return open;
  }
  if (entry.status !== 'listed') return [];
  const open: OpenDeadline[] = [];
  const expiry = expiryInstant(entry);
  if (expiry) open.push({ kind: 'list-expiry', dueAt: expiry });
  const due = (filing: EntryFiling | undefined, kind: 'list-objection-due' | 'list-exit-due') => {
    if (filing && !filing.escalatedAt) open.push({ kind, dueAt: filing.deadline.dueAt });
  };
  due(pendingFiling(entry, 'objection'), 'list-objection-due');
  due(pendingFiling(entry, 'exit'), 'list-exit-due');
  return open;
}
