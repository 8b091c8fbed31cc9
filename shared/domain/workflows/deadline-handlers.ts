import { auditEntryFor } from '../audit.ts';
import type { CalendarYearsPort } from '../calendar/load-calendar.ts';
import type { DueDeadline } from '../deadlines/kinds.ts';
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

  function recompute(kind: 'objection' | 'repair'): Recomputer {
    return async (item, why, now) => {
      const before = await pending(kind, item);
      if (!before) return 'stale';
      const limit =
        kind === 'repair' ? TIME_LIMITS.repairDecision : handlingLimit((before as Objection).needsOtherUnit);
      const next = await handlingDeadline(calendarYears, new Date(before.filedAt), limit.value);
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
  };
}
