import { auditEntryFor } from '../audit.ts';
import type { CalendarYearsPort } from '../calendar/load-calendar.ts';
import type { Recomputer } from '../deadlines/recompute.ts';
import { type DeadlineHandler, SWEEP_ACTOR } from '../deadlines/sweep.ts';
import { aggregateEvent } from '../events.ts';
import { TIME_LIMITS } from '../policy/time-limits.ts';
import { movedDeadline } from '../workflows/deadlines.ts';
import { handlingDeadline } from '../workflows/filing.ts';
import { checkDeadlines, escalateCheck } from './check.ts';
import type { CheckStore } from './ports.ts';

/**
 * A check without feedback by its deadline is escalated to the credit office (an event, the
 * office's list); feedback after that is still taken and marked late. A calendar change moves
 * the deadline like any other working-day deadline.
 */
export function makeCheckDeadlineHandlers({
  checks,
  calendarYears,
}: {
  checks: CheckStore;
  calendarYears: CalendarYearsPort;
}) {
  const escalation: DeadlineHandler = async (item, now) => {
    const before = await checks.get(item.subjectId);
    const open = before && checkDeadlines(before)[0];
    if (!before || !open) return 'stale';
    if (Date.parse(open.dueAt) > now.getTime()) return 'not-due';
    const after = escalateCheck(before, now);
    const audit = auditEntryFor(before, after, { actor: SWEEP_ACTOR, action: 'check.escalated', at: now });
    await checks.commit({
      check: { before, after: { ...after, head: audit }, audit },
      events: [
        aggregateEvent('check-escalated', 'check', after, now, { dueAt: open.dueAt, uscc: after.uscc }),
      ],
    });
    return 'escalated';
  };

  const recompute: Recomputer = async (item, _why, now) => {
    const before = await checks.get(item.subjectId);
    if (!before || checkDeadlines(before).length === 0) return 'stale';
    const next = await handlingDeadline(
      calendarYears,
      new Date(before.madeAt),
      TIME_LIMITS.checkFeedback.value,
    );
    const deadline = movedDeadline(before.deadline, next);
    if (deadline.dueAt === before.deadline.dueAt && deadline.provisional === before.deadline.provisional)
      return 'unchanged';
    const after = { ...before, deadline, revision: before.revision + 1 };
    const audit = auditEntryFor(before, after, {
      actor: SWEEP_ACTOR,
      action: 'check.deadline_recomputed',
      at: now,
    });
    await checks.commit({ check: { before, after: { ...after, head: audit }, audit }, events: [] });
    return 'moved';
  };

  return { handlers: { 'check-feedback-due': escalation }, recomputers: { 'check-feedback-due': recompute } };
}
