import { makeAgencyWorklist } from '../../shared/domain/agency-worklist.ts';
import type { CalendarYear } from '../../shared/domain/calendar/calendar-year.ts';
import type { CalendarYearsPort } from '../../shared/domain/calendar/load-calendar.ts';
import { calendarYearsFrom } from '../../shared/domain/calendar/use-cases.ts';
import type { Clock } from '../../shared/domain/clock.ts';
import type { SweepName } from '../../shared/domain/deadlines/kinds.ts';
import { runSweep, type SweepReport } from '../../shared/domain/deadlines/sweep.ts';
import { makeOfficeDigest } from '../../shared/domain/notifications/digest.ts';
import type { MailSender } from '../../shared/domain/notifications/mail.ts';
import { makeRecordUseCases } from '../../shared/domain/records/use-cases.ts';
import { writeSnapshot } from '../../shared/domain/sharing/open-data.ts';
import { makeReconciliation } from '../../shared/domain/sharing/reconcile.ts';
import type { UpstreamPort } from '../../shared/domain/sharing/upstream.ts';
import { deadlineHandlers } from '../../shared/domain/timers.ts';
import { materialFilesFromEnv } from '../../shared/files/from-env.ts';
import type { MailSettings } from '../../shared/mail/from-env.ts';
import { emitMetrics } from '../../shared/observability/metrics.ts';
import { agencyRepository } from '../../shared/store/agency-repository.ts';
import { batchJobRepository } from '../../shared/store/batch-job-repository.ts';
import { calendarRepository } from '../../shared/store/calendar-repository.ts';
import { checkRepository } from '../../shared/store/check-repository.ts';
import type { Store } from '../../shared/store/client.ts';
import { commitmentRepository } from '../../shared/store/commitment-repository.ts';
import { contactRepository } from '../../shared/store/contact-repository.ts';
import { deadlineRepository } from '../../shared/store/deadline-repository.ts';
import { sequenceFeed } from '../../shared/store/feed-repository.ts';
import { recomputePorts } from '../../shared/store/job-repository.ts';
import { listRepository } from '../../shared/store/list-repository.ts';
import { notificationRepository } from '../../shared/store/notification-repository.ts';
import { openDataRepository } from '../../shared/store/open-data-repository.ts';
import { pushRepository } from '../../shared/store/push-repository.ts';
import { reconciliationRepository } from '../../shared/store/reconciliation-repository.ts';
import { recordRepository } from '../../shared/store/record-repository.ts';
import { isTransientStoreError } from '../../shared/store/transient.ts';
import { workflowRepository } from '../../shared/store/workflow-repository.ts';
import { budgetOf, makeRowRegistration, pacedAt, WORKER_DUTY } from '../records/batch.ts';

const NO_MAIL: MailSender = {
  send: () => Promise.reject(new Error('no mail transport is configured for these sweeps')),
};

/** How long one run of the 'batch-jobs' sweep works on one job before handing it on. */
const BATCH_RUN_MS = 120_000;

export interface SweepSettings {
  /** Publish an unpublished public record automatically when its deadline has passed. */
  readonly autoPublish: boolean;
  /**
   * How e-mail leaves (SES on AWS, SMTP on one machine) and the site its links point to.
   * Without it no mail leaves: each delivery fails and waits for its next attempt.
   */
  readonly mail?: MailSettings | undefined;
  /** The city's credit platform (UPSTREAM_URL); without it nothing is pushed and pushes wait. */
  readonly upstream?: UpstreamPort | undefined;
}

export type Sweeps = (
  sweep: SweepName,
  options?: { clock?: Clock; timeLeft?: () => boolean },
) => Promise<SweepReport>;

/**
 * Every sweep wired to the store: the Lambda handler and `npm run sweep` both use this, so
 * a sweep run by hand is the one the schedule runs.
 */
export function makeSweeps(given: Store, clock: Clock, settings: SweepSettings): Sweeps {
  // A sweep answers no one: the public changes it makes are numbered in the feed once, at the
  // end of its run, in a few batches instead of one numbering per change.
  const store: Store = { ...given, feedNumbering: 'deferred' };
  const records = recordRepository(store);
  const calendars = calendarRepository(store);
  const deadlines = deadlineRepository(store);
  const workflows = workflowRepository(store);
  const batchJobs = batchJobRepository(store);
  const notifications = notificationRepository(store);
  const contacts = contactRepository(store);
  const agencies = agencyRepository(store);
  const pushes = pushRepository(store);
  const reconciliations = reconciliationRepository(store);
  const openData = openDataRepository(store, materialFilesFromEnv());
  return async (sweep, options = {}) => {
    // One run reads each calendar year once, not once per item; the next run reads afresh.
    const calendarYears = memoizeYears(calendarYearsFrom(calendars));
    const runClock = options.clock ?? clock;
    if (sweep === 'office-digest') {
      const worklist = makeAgencyWorklist({ records, workflows, calendarYears, clock: runClock });
      const digest = makeOfficeDigest({
        agencies: async () =>
          (await agencies.list()).map(({ agency }) => ({ uscc: agency.uscc, name: agency.name })),
        worklist,
        putEvent: contacts.putEvent,
        clock: runClock,
      });
      const action = await digest();
      return { sweep, now: runClock().toISOString(), actions: { [action]: 1 }, deadLettered: 0, more: false };
    }
    const once = (action: string) => ({
      sweep,
      now: runClock().toISOString(),
      actions: { [action]: 1 },
      deadLettered: 0,
      more: false,
    });
    if (sweep === 'public-feed') {
      const { numbered, left } = await sequenceFeed(store, { rounds: 50 });
      return {
        ...once('feed-numbered'),
        actions: numbered > 0 ? { 'feed-numbered': numbered } : {},
        more: left,
      };
    }
    if ((sweep === 'upstream' || sweep === 'upstream-reconcile') && !settings.upstream)
      return once('upstream-not-configured');
    if (sweep === 'upstream-reconcile' && settings.upstream) {
      const report = await makeReconciliation({
        pushes: pushes,
        upstream: settings.upstream,
        clock: runClock,
        saveReport: reconciliations.save,
        putEvent: contacts.putEvent,
      })();
      return once(report.differences === 0 ? 'reconciled' : 'differences-reported');
    }
    if (sweep === 'open-data-snapshot') {
      const snapshot = await writeSnapshot({ records, snapshots: openData, clock: runClock });
      return once(snapshot.written ? 'snapshot-written' : 'snapshot-exists');
    }
    const upstreamCounts = { accepted: 0, refused: 0, retry: 0 };
    const mail = { sent: 0, failed: 0, dead: 0, skipped: 0 };
    const recordUseCases = makeRecordUseCases({ records, calendarYears, clock: runClock });
    const handlers = deadlineHandlers({
      records,
      workflows,
      lists: listRepository(store),
      checks: checkRepository(store),
      commitments: commitmentRepository(store),
      calendarYears,
      recompute: recomputePorts(store),
      autoPublish: settings.autoPublish,
      notifications: {
        store: notifications,
        sender: settings.mail?.sender ?? NO_MAIL,
        siteUrl: settings.mail?.siteUrl ?? 'http://localhost',
        siteName: settings.mail?.siteName,
        clock: runClock,
        count: (what) => {
          mail[what]++;
        },
      },
      upstream: settings.upstream && {
        store: pushes,
        upstream: settings.upstream,
        agencyName: async (uscc) => (await agencies.get(uscc))?.agency.name,
        count: (what) => {
          upstreamCounts[what]++;
        },
      },
      batchJobs: {
        store: batchJobs,
        registerRow: makeRowRegistration(recordUseCases),
        clock: runClock,
        paced: pacedAt(WORKER_DUTY),
        // A job is run for a part of the sweep's time, and never past it.
        budget: () => {
          const budget = budgetOf(BATCH_RUN_MS)();
          return () => budget() && (options.timeLeft?.() ?? true);
        },
      },
    });
    const report = await runSweep({
      sweep,
      handlers,
      deadlines,
      clock: runClock,
      isTransient: isTransientStoreError,
      ...(options.timeLeft ? { timeLeft: options.timeLeft } : {}),
    });
    if (Object.keys(report.actions).length > 0) await sequenceFeed(store, { rounds: 50 });
    const processed = Object.values(report.actions).reduce((sum, n) => sum + n, 0);
    emitMetrics(
      { SweepItemsProcessed: processed, SweepItemsDeadLettered: report.deadLettered },
      { Sweep: sweep },
    );
    if (sweep === 'notifications')
      emitMetrics(
        {
          MailSent: mail.sent,
          MailFailed: mail.failed,
          MailDeadLettered: mail.dead,
          MailSkipped: mail.skipped,
        },
        { Sweep: sweep },
      );
    if (sweep === 'upstream')
      emitMetrics(
        {
          UpstreamAccepted: upstreamCounts.accepted,
          UpstreamRefused: upstreamCounts.refused,
          UpstreamRetried: upstreamCounts.retry,
        },
        { Sweep: sweep },
      );
    return report;
  };
}

function memoizeYears(load: CalendarYearsPort): CalendarYearsPort {
  const known = new Map<number, Promise<CalendarYear | undefined>>();
  return async (years) => {
    const missing = years.filter((y) => !known.has(y));
    if (missing.length > 0) {
      const loading = load(missing);
      // A failed load is forgotten, so the next item tries again instead of inheriting the error.
      loading.catch(() => {
        for (const y of missing) known.delete(y);
      });
      for (const y of missing)
        known.set(
          y,
          loading.then((found) => found.find((f) => f.year === y)),
        );
    }
    return (await Promise.all(years.map((y) => known.get(y)))).flatMap((y) => (y ? [y] : []));
  };
}
