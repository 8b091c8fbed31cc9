import { auditEntryFor } from '../audit.ts';
import type { CalendarYearsPort } from '../calendar/load-calendar.ts';
import type { DueDeadline } from '../deadlines/kinds.ts';
import type { DuePredictor } from '../deadlines/preview.ts';
import type { Recomputer } from '../deadlines/recompute.ts';
import { type DeadlineHandler, SWEEP_ACTOR } from '../deadlines/sweep.ts';
import { escalate, handlingLimit, type Objection } from '../objections/objection.ts';
import { TIME_LIMITS } from '../policy/time-limits.ts';
import { escalateRepair, type Repair } from '../repairs/repair.ts';
import { filingDeadlines, movedDeadline } from './deadlines.ts';
import { filingEvent } from './events.ts';
import { handlingDeadline } from './filing.ts';
import type { WorkflowStore } from './ports.ts';

/**
 * The timers of objections and repair applications: the agency is reminded one working day
 * before the limit; one not handled within its limit is escalated to the credit office (an
 * event and the admin's list); a calendar change moves an open limit and its reminder like any
 * other working-day deadline.
 */
export function makeWorkflowDeadlineHandlers({
  workflows,
  calendarYears,
}: {
  workflows: WorkflowStore;
  calendarYears: CalendarYearsPort;
}) {
  async function pending(kind: 'objection' | 'repair', item: DueDeadline) {
    const w =
      kind === 'objection'
        ? await workflows.getObjection(item.subjectId)
        : await workflows.getRepair(item.subjectId);
    return w && w.status === 'pending' && !w.escalatedAt ? w : undefined;
  }

  function escalation(kind: 'objection' | 'repair'): DeadlineHandler {
    return async (item, now) => {
      const before = await pending(kind, item);
      if (!before) return 'stale';
      if (Date.parse(before.deadline.dueAt) > now.getTime()) return 'not-due';
      const after =
        kind === 'objection' ? escalate(before as Objection, now) : escalateRepair(before as Repair, now);
      const audit = auditEntryFor(before, after, {
        actor: SWEEP_ACTOR,
        action: `${kind}.escalated`,
        at: now,
      });
      await workflows.commit({
        [kind]: { before, after: { ...after, head: audit }, audit },
        events: [filingEvent(`${kind}-escalated`, kind, after, now, { dueAt: before.deadline.dueAt })],
      });
      return 'escalated';
    };
  }

  /**
   * Reminds the agency one working day before the handling deadline, as records are reminded
   * of their disclosure deadline: the filing re-read, its reminder still open and due, then
   * `remindedAt`, the audit entry and the 'reminder' event in one conditional write, so a
   * second run finds the reminder closed ('stale') and sends nothing.
   */
  function reminder(kind: 'objection' | 'repair'): DeadlineHandler {
    return async (item, now) => {
      const before = await pending(kind, item);
      const open = before && filingDeadlines(kind, before).find((d) => d.kind === item.kind);
      if (!before || !open) return 'stale';
      if (Date.parse(open.dueAt) > now.getTime()) return 'not-due';
      const after = {
        ...before,
        deadline: { ...before.deadline, remindedAt: now.toISOString() },
        revision: before.revision + 1,
      };
      const audit = auditEntryFor(before, after, { actor: SWEEP_ACTOR, action: `${kind}.reminded`, at: now });
      const { dueAt, due } = before.deadline;
      await workflows.commit({
        [kind]: { before, after: { ...after, head: audit }, audit },
        events: [filingEvent('reminder', kind, after, now, { dueAt, due })],
      });
      return 'reminded';
    };
  }

  /** The pure half of the recomputer: the handling deadline under `years`, nothing written. */
  function nextDeadline(kind: 'objection' | 'repair', filing: Objection | Repair, years: CalendarYearsPort) {
    const limit =
      kind === 'repair' ? TIME_LIMITS.repairDecision : handlingLimit((filing as Objection).needsOtherUnit);
    return handlingDeadline(years, new Date(filing.filedAt), limit.value);
  }

  function predict(kind: 'objection' | 'repair'): DuePredictor {
    return async (item, years) => {
      const filing = await pending(kind, item);
      if (!filing) return undefined;
      const next = await nextDeadline(kind, filing, years);
      return { id: filing.id, agency: filing.agency, oldDue: filing.deadline.due, newDue: next.due };
    };
  }

  function recompute(kind: 'objection' | 'repair'): Recomputer {
    return async (item, why, now) => {
      const before = await pending(kind, item);
      if (!before) return 'stale';
      const old = before.deadline;
      // The reminder moves with the due date; one already sent stays sent (movedDeadline).
      const next = movedDeadline(old, await nextDeadline(kind, before, calendarYears));
      if (
        next.dueAt === old.dueAt &&
        next.reminderAt === old.reminderAt &&
        next.provisional === old.provisional
      )
        return 'unchanged';
      const after = { ...before, deadline: next, revision: before.revision + 1 };
      const action = `${kind}.deadline_recomputed`;
      const audit = auditEntryFor(before, after, { actor: SWEEP_ACTOR, action, at: now });
      const moved = next.dueAt !== before.deadline.dueAt;
      await workflows.commit({
        [kind]: { before, after: { ...after, head: audit }, audit },
        events: moved
          ? [
              filingEvent('deadline-moved', kind, after, now, {
                from: before.deadline.dueAt,
                to: next.dueAt,
                why,
              }),
            ]
          : [],
      });
      return moved ? 'moved' : 'unchanged';
    };
  }

  return {
    handlers: {
      'objection-due': escalation('objection'),
      'objection-reminder': reminder('objection'),
      'repair-due': escalation('repair'),
      'repair-reminder': reminder('repair'),
    },
    recomputers: { 'objection-due': recompute('objection'), 'repair-due': recompute('repair') },
    predictors: { 'objection-due': predict('objection'), 'repair-due': predict('repair') },
  };
}
