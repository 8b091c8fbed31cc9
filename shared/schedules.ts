import type { SweepName } from './domain/deadlines/kinds.ts';

/**
 * The one declaration of when each sweep runs: EventBridge Scheduler cron expressions
 * (minutes hours day-of-month month day-of-week year), in Asia/Shanghai time. The CDK stack
 * makes a schedule of each; the local runtime runs the same expressions in-process.
 */
export const SCHEDULE_TIME_ZONE = 'Asia/Shanghai';

export const SCHEDULES = [
  {
    sweep: 'disclosure-deadlines',
    // Deadlines end at 24:00; every quarter of an hour, the first run of a day at 00:00.
    cron: 'cron(0/15 * * * ? *)',
    description: 'Disclosure reminders, late publication and overdue marking',
  },
  {
    sweep: 'publication-expiry',
    cron: 'cron(5 0 * * ? *)',
    description: 'Ends the publication of penalties whose maximum period is over',
  },
  {
    sweep: 'deadline-recompute',
    cron: 'cron(0/5 * * * ? *)',
    description: 'Recomputes open deadlines after a calendar year was loaded',
  },
  {
    sweep: 'objection-deadlines',
    cron: 'cron(2/15 * * * ? *)',
    description: 'Escalates objections not handled within their time limit',
  },
  {
    sweep: 'repair-deadlines',
    cron: 'cron(7/15 * * * ? *)',
    description: 'Escalates credit-repair applications not decided in time',
  },
  {
    sweep: 'batch-jobs',
    // A new job is started at once by its own trigger; this run takes over any job whose
    // worker stopped for time or died, within a minute of its lease running out.
    cron: 'cron(* * * * ? *)',
    description: 'Runs batch registrations, and resumes any a worker left unfinished',
  },
  {
    sweep: 'notifications',
    // An event's notices within a minute of it; a failed mail retried when its backoff is up.
    cron: 'cron(* * * * ? *)',
    description: 'Turns new events into inbox items and e-mail, and sends the mail that is due',
  },
  {
    sweep: 'office-digest',
    // Before the office's working day: what went overdue, per agency.
    cron: 'cron(30 8 * * ? *)',
    description: "The credit office's daily digest of what is overdue per agency",
  },
  {
    sweep: 'upstream',
    // A record's change reaches the city's platform within a minute; a fault is retried on its backoff.
    cron: 'cron(* * * * ? *)',
    description: "Pushes published, corrected, revoked and ended records to the city's credit platform",
  },
  {
    sweep: 'upstream-reconcile',
    cron: 'cron(30 2 * * ? *)',
    description:
      "Compares what the city's platform holds with what was pushed; reports differences to the credit office",
  },
  {
    sweep: 'public-feed',
    // Writers number their own changes before they answer; this numbers what a dead writer left.
    cron: 'cron(* * * * ? *)',
    description: 'Numbers public changes left pending in the change feed',
  },
  {
    sweep: 'open-data-snapshot',
    cron: 'cron(15 1 * * ? *)',
    description: 'Writes the daily open-data snapshot of every public record, with its SHA-256',
  },
  {
    sweep: 'list-deadlines',
    cron: 'cron(4/15 * * * ? *)',
    description:
      'Credit lists: hearing reminders and ends, overdue decisions and filings escalated, entries removed at the end of validity',
  },
  {
    sweep: 'check-deadlines',
    cron: 'cron(9/15 * * * ? *)',
    description: 'Escalates credit checks without feedback (执行反馈) in time to the credit office',
  },
  {
    sweep: 'commitment-deadlines',
    cron: 'cron(11/15 * * * ? *)',
    description:
      'Credit commitments: unverified ones escalated to the credit office, those in force at the end of validity marked kept',
  },
] as const satisfies readonly { sweep: SweepName; cron: string; description: string }[];
