import { SUPPORTED_YEARS } from '../calendar/calendar-year.ts';
import { type IsoDate, shanghaiDate } from '../dates.ts';

/**
 * The earliest decision year a record can have: registration computes the disclosure deadline
 * on the working-day calendar, which refuses a year before its seed (`year_out_of_range`), so
 * no record is older. Declared here once for the public reads that clamp a range to it.
 */
export const EARLIEST_DECISION_YEAR = SUPPORTED_YEARS.first;

export interface DecisionRange {
  readonly from?: IsoDate | undefined;
  readonly to?: IsoDate | undefined;
}

/**
 * A search's decision-date range narrowed to the years that can hold records: from the
 * earliest decision year to the end of this year (Asia/Shanghai; no decision is dated after
 * today, `decision_date_in_future`). Whole years, not today, bound it, so that a cursor handed
 * out before midnight still belongs to the same query after it. Bounds the caller did not give
 * stay absent; `undefined` when no record can fall in the range, so nothing needs reading.
 */
export function clampDecisionRange<Q extends DecisionRange>(query: Q, now: Date): Q | undefined {
  const first = `${EARLIEST_DECISION_YEAR}-01-01`;
  const last = `${shanghaiDate(now).slice(0, 4)}-12-31`;
  if ((query.from !== undefined && query.from > last) || (query.to !== undefined && query.to < first)) {
    return undefined;
  }
  return {
    ...query,
    ...(query.from !== undefined && query.from < first ? { from: first } : {}),
    ...(query.to !== undefined && query.to > last ? { to: last } : {}),
  };
}
