import { auditEntryFor } from '../audit.ts';
import type { CalendarYearsPort } from '../calendar/load-calendar.ts';
import type { Recomputer } from '../deadlines/recompute.ts';
import { type DeadlineHandler, SWEEP_ACTOR } from '../deadlines/sweep.ts';
import { aggregateEvent } from '../events.ts';
import { TIME_LIMITS } from '../policy/time-limits.ts';
import { movedDeadline } from '../workflows/deadlines.ts';
import { handlingDeadline } from '../workflows/filing.ts';
import { commitmentDeadlines, escalateCommitment, keepCommitment } from './commitment.ts';
import type { CommitmentStore } from './ports.ts';

/**
 * A commitment not verified in time is escalated to the credit office; one in force at the
 * end of its validity has been kept (已履约). A calendar change moves the verification deadline.
 */
export function makeCommitmentDeadlineHandlers({
  commitments,
  calendarYears,
}: {
  commitments: CommitmentStore;
  calendarYears: CalendarYearsPort;
}) {
  const due =
    (kind: 'commitment-verification-due' | 'commitment-expiry'): DeadlineHandler =>
    async (item, now) => {
      const before = await commitments.get(item.subjectId);
      const open = before && commitmentDeadlines(before).find((d) => d.kind === kind);
      if (!before || !open) return 'stale';
      if (Date.parse(open.dueAt) > now.getTime()) return 'not-due';
      if (kind === 'commitment-expiry') {
        const after = keepCommitment(before);
        const audit = auditEntryFor(before, after, {
          actor: SWEEP_ACTOR,
          action: 'commitment.kept',
          at: now,
        });
        await commitments.commit({
          commitment: { before, after: { ...after, head: audit }, audit },
          events: [],
        });
        return 'kept';
      }
      const after = escalateCommitment(before, now);
      const audit = auditEntryFor(before, after, {
        actor: SWEEP_ACTOR,
        action: 'commitment.escalated',
        at: now,
      });
      await commitments.commit({
        commitment: { before, after: { ...after, head: audit }, audit },
        events: [
          aggregateEvent('commitment-escalated', 'commitment', { ...after, agency: after.receiver }, now, {
            dueAt: open.dueAt,
            uscc: after.subject.uscc,
          }),
        ],
      });
      return 'escalated';
    };

  const recompute: Recomputer = async (item, _why, now) => {
    const before = await commitments.get(item.subjectId);
    if (!before || !commitmentDeadlines(before).some((d) => d.kind === 'commitment-verification-due'))
      return 'stale';
    const next = await handlingDeadline(
      calendarYears,
      new Date(before.createdAt),
      TIME_LIMITS.commitmentVerification.value,
    );
    const deadline = movedDeadline(before.verification.deadline, next);
    const old = before.verification.deadline;
    if (deadline.dueAt === old.dueAt && deadline.provisional === old.provisional) return 'unchanged';
    const after = {
      ...before,
      verification: { ...before.verification, deadline },
      revision: before.revision + 1,
    };
    const audit = auditEntryFor(before, after, {
      actor: SWEEP_ACTOR,
      action: 'commitment.deadline_recomputed',
      at: now,
    });
    await commitments.commit({ commitment: { before, after: { ...after, head: audit }, audit }, events: [] });
    return 'moved';
  };

  return {
    handlers: {
      'commitment-verification-due': due('commitment-verification-due'),
      'commitment-expiry': due('commitment-expiry'),
    },
    recomputers: { 'commitment-verification-due': recompute },
  };
}
