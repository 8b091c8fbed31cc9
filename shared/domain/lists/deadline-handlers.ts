import { auditEntryFor } from '../audit.ts';
import { type CalendarYearsPort, withCalendar } from '../calendar/load-calendar.ts';
import { shanghaiDate, yearOf } from '../dates.ts';
import type { DeadlineKind, DueDeadline } from '../deadlines/kinds.ts';
import type { Recomputer } from '../deadlines/recompute.ts';
import { type DeadlineHandler, SWEEP_ACTOR } from '../deadlines/sweep.ts';
import { aggregateEvent, type EventType } from '../events.ts';
import { TIME_LIMITS } from '../policy/time-limits.ts';
import { movedDeadline } from '../workflows/deadlines.ts';
import { handlingPeriod } from '../workflows/filing.ts';
import { entryDeadlines } from './deadlines.ts';
import { bump, type EntryFiling, escalateFiling, expire, type ListEntry } from './entry.ts';
import type { ListStore } from './ports.ts';

type ListKind = Extract<DeadlineKind, `list-${string}`>;

/** What each list timer does to its entry, and the event that tells whom it concerns. */
const STEPS: Record<
  ListKind,
  { action: string; event: EventType; apply: (e: ListEntry, now: Date) => ListEntry }
> = {
  'list-hearing-reminder': {
    action: 'list.hearing_reminded',
    event: 'list-hearing-reminder',
    apply: (e, now) => bump(e, { hearing: { ...e.hearing, remindedAt: now.toISOString() } }),
  },
  'list-hearing-end': {
    action: 'list.hearing_ended',
    event: 'list-hearing-ended',
    apply: (e, now) => bump(e, { hearingEndedAt: now.toISOString() }),
  },
  'list-decision-due': {
    action: 'list.decision_escalated',
    event: 'list-decision-escalated',
    apply: (e, now) => bump(e, { decisionEscalatedAt: now.toISOString() }),
  },
  'list-expiry': { action: 'list.expired', event: 'list-removed', apply: expire },
  'list-objection-due': {
    action: 'list.objection_escalated',
    event: 'list-filing-escalated',
    apply: (e, now) => escalateFiling(e, 'objection', now),
  },
  'list-exit-due': {
    action: 'list.exit_escalated',
    event: 'list-filing-escalated',
    apply: (e, now) => escalateFiling(e, 'exit', now),
  },
};

/**
 * The timers of list entries: remind the party before its hearing period ends, tell the agency
 * when it ended, escalate a decision or a filing not made in time, remove an entry whose
 * validity is over. Each re-reads the entry, checks the deadline is still open and due, and
 * writes the change, its audit entry and its event in one conditional write, so a second run
 * finds the deadline closed ('stale') and does nothing.
 */
export function makeListDeadlineHandlers({
  lists,
  calendarYears,
}: {
  lists: ListStore;
  calendarYears: CalendarYearsPort;
}) {
  function handler(kind: ListKind): DeadlineHandler {
    const step = STEPS[kind];
    return async (item, now) => {
      const before = await lists.get(item.subjectId);
      const open = before && entryDeadlines(before).find((d) => d.kind === kind);
      if (!before || !open) return 'stale';
      if (Date.parse(open.dueAt) > now.getTime()) return 'not-due';
      const after = step.apply(before, now);
      const audit = auditEntryFor(before, after, { actor: SWEEP_ACTOR, action: step.action, at: now });
      const filing =
        kind === 'list-objection-due' ? 'objection' : kind === 'list-exit-due' ? 'exit' : undefined;
      const event = aggregateEvent(step.event, 'list-entry', after, now, {
        listType: after.type,
        ...(filing ? { filing } : {}),
        ...(kind === 'list-expiry' ? { reason: 'expired' } : {}),
        dueAt: open.dueAt,
      });
      await lists.commit({ entry: { before, after: { ...after, head: audit }, audit }, events: [event] });
      return step.action.slice('list.'.length);
    };
  }

  /** The deadlines of an entry under the calendar now in force, nothing written. */
  async function recomputed(entry: ListEntry, years: CalendarYearsPort): Promise<ListEntry> {
    const from = shanghaiDate(new Date(entry.proposedAt));
    return withCalendar(years, [yearOf(from)], (calendar) => {
      const hearing = movedDeadline(
        entry.hearing,
        handlingPeriod(calendar, from, TIME_LIMITS.listHearing.value),
      );
      const d = handlingPeriod(calendar, hearing.due, TIME_LIMITS.listDecision.value);
      const filing = (f: EntryFiling | undefined, days: number) =>
        f && !f.decision
          ? {
              ...f,
              deadline: movedDeadline(
                f.deadline,
                handlingPeriod(calendar, shanghaiDate(new Date(f.filedAt)), days),
              ),
            }
          : f;
      return {
        ...entry,
        ...(entry.status === 'proposed'
          ? { hearing, decisionDeadline: { due: d.due, dueAt: d.dueAt, provisional: d.provisional } }
          : {}),
        objection: filing(entry.objection, TIME_LIMITS.objection.value),
        exit: filing(entry.exit, TIME_LIMITS.repairDecision.value),
      };
    });
  }

  /** A calendar change moves an entry's open working-day deadlines (all of them at once). */
  const recompute: Recomputer = async (item: DueDeadline, _why, now) => {
    const before = await lists.get(item.subjectId);
    if (!before || !entryDeadlines(before).some((d) => d.kind === item.kind)) return 'stale';
    const next = await recomputed(before, calendarYears);
    const open = (e: ListEntry) => JSON.stringify(entryDeadlines(e));
    if (open(next) === open(before)) return 'unchanged';
    const after = { ...next, revision: before.revision + 1 };
    const audit = auditEntryFor(before, after, {
      actor: SWEEP_ACTOR,
      action: 'list.deadline_recomputed',
      at: now,
    });
    await lists.commit({ entry: { before, after: { ...after, head: audit }, audit }, events: [] });
    return 'moved';
  };

  return {
    handlers: Object.fromEntries(
      (Object.keys(STEPS) as ListKind[]).map((kind) => [kind, handler(kind)]),
    ) as Record<ListKind, DeadlineHandler>,
    recomputers: {
      'list-hearing-end': recompute,
      'list-decision-due': recompute,
      'list-objection-due': recompute,
      'list-exit-due': recompute,
    } as Partial<Record<DeadlineKind, Recomputer>>,
  };
}
