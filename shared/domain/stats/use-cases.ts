import type { Clock } from '../clock.ts';
import { shanghaiDate } from '../dates.ts';
import { InvalidInputError } from '../errors.ts';
import { type AgencyTimeliness, type TimelinessFigures, timelinessByAgency } from './timeliness.ts';

export interface TimelinessReport {
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
  readonly agencies: readonly AgencyTimeliness[];
}

/** Public oversight: how promptly each agency publishes, over decisions in a period. */
export function makeStatsUseCases({
  figures,
  clock,
  maxMonths,
}: {
  figures: (from: string, to: string) => Promise<TimelinessFigures[]>;
  clock: Clock;
  maxMonths: number;
}) {
  return {
    async timeliness(query: {
      from?: string | undefined;
      to?: string | undefined;
    }): Promise<TimelinessReport> {
      const now = clock();
      const to = query.to ?? shanghaiDate(now);
      const from = query.from ?? `${to.slice(0, 4)}-01-01`;
      const months =
        (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
        Number(to.slice(5, 7)) -
        Number(from.slice(5, 7)) +
        1;
      if (months > maxMonths) {
        throw new InvalidInputError({
          code: 'range_too_long',
          field: 'from',
          messages: {
            zh: `统计区间最长 ${maxMonths} 个月`,
            en: `the period may span at most ${maxMonths} months`,
          },
        });
      }
      return {
        from,
        to,
        asOf: now.toISOString(),
        agencies: timelinessByAgency(await figures(from, to), now),
      };
    },
  };
}
