import { addDays, type IsoDate, shanghaiDate } from '../dates.ts';
import { InvalidInputError } from '../errors.ts';

/**
 * The period a timeliness report covers: whole months of decision. The figures include
 * records the public cannot see (registered, not yet published, or of a kind never shown),
 * so a period of days would let anyone learn, by differencing two close ranges, on which day
 * an agency decided a hidden case. Counted by month only, a range of days is widened to the
 * months that hold it (from the 1st of `from`'s month to the last day of `to`'s), and the
 * answer's `from` and `to` say so.
 */
export interface StatsPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
  /** `YYYY-MM`, oldest first. */
  readonly months: readonly string[];
}

/** Months from the month of `from` to the month of `to`, as `YYYY-MM` (either may be a date). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    if (m === 12) {
      m = 1;
      y++;
    } else {
      m++;
    }
  }
  return months;
}

/** The last day of the month of `date`. */
export function endOfMonth(date: IsoDate): IsoDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/** Whole months from `from` (default: 1 January of `to`'s year) to `to` (default: today). */
export function statsPeriod(
  query: { readonly from?: string | undefined; readonly to?: string | undefined },
  now: Date,
  maxMonths: number,
): StatsPeriod {
  const to = query.to ?? shanghaiDate(now);
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  const months = monthsBetween(from, to);
  if (months.length > maxMonths) {
    throw new InvalidInputError({
      code: 'range_too_long',
      field: 'from',
      messages: {
        zh: `统计区间最长 ${maxMonths} 个月`,
        en: `the period may span at most ${maxMonths} months`,
      },
    });
  }
  return { from: `${from.slice(0, 7)}-01`, to: endOfMonth(to), months };
}
