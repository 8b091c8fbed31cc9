import { auditEntryFor } from '../audit.ts';
import type { CalendarYearsPort } from '../calendar/load-calendar.ts';
import type { DueDeadline } from '../deadlines/kinds.ts';
import type { DuePredictor } from '../deadlines/preview.ts';
import type { Recomputer } from '../deadlines/recompute.ts';
import { type DeadlineHandler, SWEEP_ACTOR } from '../deadlines/sweep.ts';
import { escalate, handlingLimit, type Objection } from '../objections/objection.ts';
import { TIME_LIMITS } from '../policy/time-limits.ts';
import { escalateRepair, type Repair } from '../repairs/repair.ts';
import { filingEvent } from './events.ts';
import { handlingDeadline } from './filing.ts';
import type { WorkflowStore } from './ports.ts';

/**
 * The timers of objections and repair applications: one not handled within its limit is
 * escalated to the credit office (an event and the admin's list); a calendar change moves
 * an open limit like any other working-day deadline.
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
      const next = await nextDeadline(kind, before, calendarYears);
      if (next.dueAt === before.deadline.dueAt && next.provisional === before.deadline.provisional)
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
    handlers: { 'objection-due': escalation('objection'), 'repair-due': escalation('repair') },
    recomputers: { 'objection-due': recompute('objection'), 'repair-due': recompute('repair') },
    predictors: { 'objection-due': predict('objection'), 'repair-due': predict('repair') },
  };
}
