import type { DisclosureRecord } from '../records/record.ts';

/** What a record contributes to the timeliness statistics (stored as `st` on the record item). */
export interface TimelinessFigures {
  readonly agency: string;
  readonly status: 'registered' | 'published' | 'revoked';
  readonly dueAt: string;
  readonly publishedAt?: string;
  readonly onTime?: boolean;
  readonly workingDaysToPublish?: number;
}

export interface AgencyTimeliness {
  readonly agency: string;
  /** Records decided in the period and not revoked. */
  readonly registered: number;
  readonly publishedOnTime: number;
  readonly publishedLate: number;
  /** Still unpublished although the deadline has passed. */
  readonly unpublishedOverdue: number;
  /** Unpublished, still within the deadline. */
  readonly pending: number;
  /**
   * Median working days from decision to publication; null when nothing was published.
   * Working days are counted exactly up to 30; 31 stands for "31 or more" (see below).
   */
  readonly medianWorkingDays: number | null;
}

export function figuresOf(record: DisclosureRecord): TimelinessFigures {
  const p = record.publication;
  return {
    agency: record.authority.uscc,
    status: record.status,
    dueAt: record.disclosure.dueAt,
    ...(p ? { publishedAt: p.at, onTime: p.onTime } : {}),
    ...(p?.workingDaysToPublish !== undefined ? { workingDaysToPublish: p.workingDaysToPublish } : {}),
  };
}

/** The month a record is counted in: that of its decision (`YYYY-MM`). */
export const monthOf = (record: DisclosureRecord): string => record.content.decisionDate.slice(0, 7);

/**
 * Working days to publication are kept as a histogram with one bucket per day up to 30 and
 * one more, 31, for "31 or more": the legal limit is 7, so a longer time is already an
 * outlier, and a bounded histogram keeps a counter item small. A median that falls in the
 * last bucket is reported as 31, i.e. "at least 31".
 */
export const LAST_WORKING_DAYS_BUCKET = 31;
export const workingDaysBucket = (days: number): number => Math.min(days, LAST_WORKING_DAYS_BUCKET);

/**
 * The counters of one agency's records of one month, by name: `registered`, `onTime`,
 * `late`, `due:<instant>` (unpublished records whose disclosure deadline passes then, so that
 * pending and overdue split exactly at any `now`, whether or not a sweep has run) and
 * `days:<n>` (published records by working days to publication, bucketed). Only counts.
 */
export type Counts = Readonly<Record<string, number>>;

export const dueCounter = (dueAt: string) => `due:${dueAt}`;
export const daysCounter = (days: number) => `days:${workingDaysBucket(days)}`;

/** What one record adds to the counters of its agency and month; a revoked one adds nothing. */
export function countsOf(f: TimelinessFigures): Counts {
  if (f.status === 'revoked') return {};
  if (f.status === 'registered') return { registered: 1, [dueCounter(f.dueAt)]: 1 };
  return {
    registered: 1,
    ...(f.onTime === true ? { onTime: 1 } : f.onTime === false ? { late: 1 } : {}),
    ...(f.workingDaysToPublish === undefined ? {} : { [daysCounter(f.workingDaysToPublish)]: 1 }),
  };
}

/** `a + sign·b`, without the counters that come to zero. */
export function addCounts(a: Counts, b: Counts, sign: 1 | -1 = 1): Counts {
  const out: Record<string, number> = { ...a };
  for (const [name, n] of Object.entries(b)) out[name] = (out[name] ?? 0) + sign * n;
  for (const [name, n] of Object.entries(out)) if (n === 0) delete out[name];
  return out;
}

/** The median of a histogram of whole numbers (value → how many); null when it is empty. */
export function medianOfHistogram(histogram: ReadonlyMap<number, number>): number | null {
  const values = [...histogram.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = values.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const nth = (k: number) => {
    let seen = 0;
    for (const [value, n] of values) {
      seen += n;
      if (k < seen) return value;
    }
    throw new Error('unreachable: k is below the total');
  };
  return (nth(Math.floor((total - 1) / 2)) + nth(Math.floor(total / 2))) / 2;
}

/** Per-agency timeliness from the counters of its months, as of `now`; agencies in code order. */
export function timelinessFromCounts(
  rows: readonly { readonly agency: string; readonly counts: Counts }[],
  now: Date,
): AgencyTimeliness[] {
  const byAgency = new Map<string, Counts>();
  for (const row of rows) byAgency.set(row.agency, addCounts(byAgency.get(row.agency) ?? {}, row.counts));
  return [...byAgency.keys()].sort().flatMap((agency) => {
    const counts = byAgency.get(agency) ?? {};
    const registered = counts.registered ?? 0;
    // Months whose records were all revoked leave counters at zero: no row, as before.
    if (registered === 0) return [];
    let overdue = 0;
    let pending = 0;
    const days = new Map<number, number>();
    for (const [name, n] of Object.entries(counts)) {
      if (name.startsWith('due:')) {
        if (Date.parse(name.slice(4)) <= now.getTime()) overdue += n;
        else pending += n;
      } else if (name.startsWith('days:')) {
        days.set(Number(name.slice(5)), n);
      }
    }
    return [
      {
        agency,
        registered,
        publishedOnTime: counts.onTime ?? 0,
        publishedLate: counts.late ?? 0,
        unpublishedOverdue: overdue,
        pending,
        medianWorkingDays: medianOfHistogram(days),
      },
    ];
  });
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Per-agency timeliness of the records given, as of `now`; agencies in code order. The
 * computation from every record of the period, kept as the reference the counters are
 * checked against (tests) — the service answers from the counters.
 */
export function timelinessByAgency(records: readonly TimelinessFigures[], now: Date): AgencyTimeliness[] {
  const byAgency = new Map<string, TimelinessFigures[]>();
  for (const r of records) {
    if (r.status === 'revoked') continue;
    byAgency.set(r.agency, [...(byAgency.get(r.agency) ?? []), r]);
  }
  return [...byAgency.keys()].sort().map((agency) => {
    const rs = byAgency.get(agency) ?? [];
    const published = rs.filter((r) => r.status === 'published');
    const unpublished = rs.filter((r) => r.status === 'registered');
    const overdue = unpublished.filter((r) => Date.parse(r.dueAt) <= now.getTime());
    return {
      agency,
      registered: rs.length,
      publishedOnTime: published.filter((r) => r.onTime).length,
      publishedLate: published.filter((r) => r.onTime === false).length,
      unpublishedOverdue: overdue.length,
      pending: unpublished.length - overdue.length,
      medianWorkingDays: median(
        published.flatMap((r) =>
          r.workingDaysToPublish === undefined ? [] : [workingDaysBucket(r.workingDaysToPublish)],
        ),
      ),
    };
  });
}
