/**
 * Every kind of open deadline and the sweep that enforces it. A workflow joins the timers by
 * adding its kind here and a handler for it; the index, the sweep loop, batching, dead
 * letters and idempotency are shared.
 */
export const SWEEP_NAMES = [
  'disclosure-deadlines',
  'publication-expiry',
  'deadline-recompute',
  'objection-deadlines',
  'repair-deadlines',
  'batch-jobs',
  'notifications',
  'office-digest',
  'upstream',
  'upstream-reconcile',
  'public-feed',
  'open-data-snapshot',
  'list-deadlines',
  'check-deadlines',
  'commitment-deadlines',
] as const;
export type SweepName = (typeof SWEEP_NAMES)[number];

export const DEADLINE_KINDS = {
  /**
   * The disclosure deadline itself: publish late, or mark overdue. Swept before reminders,
   * so a record past both is not reminded of a deadline it has already missed.
   */
  'disclosure-due': { sweep: 'disclosure-deadlines', workingDays: true },
  /** One working day before a disclosure deadline: remind the agency. */
  'disclosure-reminder': { sweep: 'disclosure-deadlines', workingDays: true },
  /** A renamed record whose new name index was not completed in its second step: complete it. */
  'name-index': { sweep: 'deadline-recompute', workingDays: false },
  /** The end of a penalty's maximum publication period. */
  'publication-expiry': { sweep: 'publication-expiry', workingDays: false },
  /** An objection not handled within its 3 (or 7) working days: escalate to the credit office. */
  'objection-due': { sweep: 'objection-deadlines', workingDays: true },
  /**
   * One working day before an objection's handling deadline: remind the agency. After
   * 'objection-due', as records have it: a sweep runs its kinds in this order, so an objection
   * past both is escalated first and not reminded of a deadline it has already missed.
   */
  'objection-reminder': { sweep: 'objection-deadlines', workingDays: true },
  /** A repair application not decided in time: escalate to the credit office. */
  'repair-due': { sweep: 'repair-deadlines', workingDays: true },
  /** One working day before a repair application's deadline: remind the agency (after 'repair-due', as above). */
  'repair-reminder': { sweep: 'repair-deadlines', workingDays: true },
  /** A calendar year was loaded: recompute the open deadlines that depend on it. */
  'calendar-recompute': { sweep: 'deadline-recompute', workingDays: false },
  /** A batch registration to run, or to take over from a worker that stopped or died. */
  'batch-job': { sweep: 'batch-jobs', workingDays: false },
  /** An outbox event whose notifications are not yet derived: tell everyone it concerns. */
  notify: { sweep: 'notifications', workingDays: false },
  /** An e-mail to send, or to try again after a failure (its backoff is the due instant). */
  'mail-delivery': { sweep: 'notifications', workingDays: false },
  /** A record's change to send to the city's credit platform, or to try again after a fault. */
  'upstream-push': { sweep: 'upstream', workingDays: false },
  /** The hearing period ran out without a statement: tell the agency it may decide. */
  'list-hearing-end': { sweep: 'list-deadlines', workingDays: true },
  /**
   * One working day before a proposed listing's hearing period ends: remind the party. After
   * 'list-hearing-end', so a late sweep closes the period first and reminds nobody of it.
   */
  'list-hearing-reminder': { sweep: 'list-deadlines', workingDays: true },
  /** A proposed listing not decided in time: escalate to the credit office. */
  'list-decision-due': { sweep: 'list-deadlines', workingDays: true },
  /** The end of a listed entry's validity: remove it from the list. */
  'list-expiry': { sweep: 'list-deadlines', workingDays: false },
  /** An objection against a listed entry not handled in time: escalate to the credit office. */
  'list-objection-due': { sweep: 'list-deadlines', workingDays: true },
  /** An early-exit application not decided in time: escalate to the credit office. */
  'list-exit-due': { sweep: 'list-deadlines', workingDays: true },
  /** A credit check without the agency's feedback (执行反馈) in time: escalate to the credit office. */
  'check-feedback-due': { sweep: 'check-deadlines', workingDays: true },
  /** A credit commitment its receiving agency did not verify in time: escalate to the credit office. */
  'commitment-verification-due': { sweep: 'commitment-deadlines', workingDays: true },
  /** The end of a commitment's validity with no breach recorded: it was kept (已履约). */
  'commitment-expiry': { sweep: 'commitment-deadlines', workingDays: false },
} as const satisfies Record<string, { sweep: SweepName; workingDays: boolean }>;

export type DeadlineKind = keyof typeof DEADLINE_KINDS;

export function kindsOf(sweep: SweepName): DeadlineKind[] {
  return (Object.keys(DEADLINE_KINDS) as DeadlineKind[]).filter(
    (kind) => DEADLINE_KINDS[kind].sweep === sweep,
  );
}

/** Kinds whose due instant is counted in working days, and so moves with the calendar. */
export const WORKING_DAY_KINDS = (Object.keys(DEADLINE_KINDS) as DeadlineKind[]).filter(
  (kind) => DEADLINE_KINDS[kind].workingDays,
);

/** An open deadline of some aggregate: due at an instant (ISO 8601 with offset). */
export interface OpenDeadline {
  readonly kind: DeadlineKind;
  readonly dueAt: string;
}

/** An open deadline as a sweep finds it in the index. */
export interface DueDeadline extends OpenDeadline {
  /** The aggregate it guards (a record id, a job id). */
  readonly subjectId: string;
}
