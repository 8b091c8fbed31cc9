/** What a record contributes to the timeliness statistics (see store/record-items.ts). */
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
  /** Median working days from decision to publication; null when nothing was published. */
  readonly medianWorkingDays: number | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Per-agency timeliness of the records given, as of `now`; agencies in code order. */
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
        published.flatMap((r) => (r.workingDaysToPublish === undefined ? [] : [r.workingDaysToPublish])),
      ),
    };
  });
}
