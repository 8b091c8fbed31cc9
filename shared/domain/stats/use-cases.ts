import type { Clock } from '../clock.ts';
import { type StatsPeriod, statsPeriod } from './period.ts';
import { type AgencyTimeliness, type Counts, timelinessFromCounts } from './timeliness.ts';

export interface TimelinessReport {
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
  readonly agencies: readonly AgencyTimeliness[];
  /** The same figures per agency and month of decision (`YYYY-MM`), for the CSV. */
  readonly monthly?: readonly (AgencyTimeliness & { readonly month: string })[];
}

/**
 * 按时公示率: the share published on time among the records whose deadline has passed or that
 * are published (records still within their deadline are not yet on time or late); undefined
 * when there are none.
 */
export function onTimeRate(a: AgencyTimeliness): number | undefined {
  const decided = a.publishedOnTime + a.publishedLate + a.unpublishedOverdue;
  return decided === 0 ? undefined : a.publishedOnTime / decided;
}

/** The stored counters of each agency in each of `months` (store/stats-items.ts). */
export type CountsPort = (
  months: readonly string[],
) => Promise<readonly { readonly agency: string; readonly month: string; readonly counts: Counts }[]>;

/**
 * Public oversight: how promptly each agency publishes, over decisions in whole months. It
 * reads the per-agency, per-month counters the record writes keep up to date, so its cost
 * follows agencies × months, never the number of records.
 */
export function makeStatsUseCases({
  counts,
  clock,
  maxMonths,
}: {
  counts: CountsPort;
  clock: Clock;
  maxMonths: number;
}) {
  return {
    /** The period a query stands for (refuses one too long): also what a cache keys on. */
    period: (query: { from?: string | undefined; to?: string | undefined }): StatsPeriod =>
      statsPeriod(query, clock(), maxMonths),

    async timeliness(query: {
      from?: string | undefined;
      to?: string | undefined;
    }): Promise<TimelinessReport> {
      const now = clock();
      const { from, to, months } = statsPeriod(query, now, maxMonths);
      const rows = await counts(months);
      // Each month's rows on their own give its figures per agency (an agency's month may be
      // kept in several counter items): no second read.
      const monthly = months
        .flatMap((month) =>
          timelinessFromCounts(
            rows.filter((r) => r.month === month),
            now,
          ).map((t) => ({ ...t, month })),
        )
        .sort((a, b) => a.agency.localeCompare(b.agency) || a.month.localeCompare(b.month));
      return {
        from,
        to,
        asOf: now.toISOString(),
        agencies: timelinessFromCounts(rows, now),
        monthly,
      };
    },
  };
}

export type StatsUseCases = ReturnType<typeof makeStatsUseCases>;
