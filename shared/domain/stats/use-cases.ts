import type { Clock } from '../clock.ts';
import { type StatsPeriod, statsPeriod } from './period.ts';
import { type AgencyTimeliness, type Counts, timelinessFromCounts } from './timeliness.ts';

export interface TimelinessReport {
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
  readonly agencies: readonly AgencyTimeliness[];
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
      return {
        from,
        to,
        asOf: now.toISOString(),
        agencies: timelinessFromCounts(await counts(months), now),
      };
    },
  };
}

export type StatsUseCases = ReturnType<typeof makeStatsUseCases>;
