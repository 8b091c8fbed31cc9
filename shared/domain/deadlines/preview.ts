import type { CalendarYear } from '../calendar/calendar-year.ts';
import type { CalendarYearsPort } from '../calendar/load-calendar.ts';
import type { DeadlineKind, DueDeadline } from './kinds.ts';
import { type RecomputePorts, recomputeWindow } from './recompute.ts';

/** One open deadline that a proposed calendar year would move. */
export interface PreviewMove {
  readonly kind: DeadlineKind;
  /** The record, objection or repair the deadline guards. */
  readonly id: string;
  readonly agency: string;
  readonly oldDue: string;
  readonly newDue: string;
}

/**
 * What a deadline's due would be under some calendar, read-only: the pure half of a
 * recomputer. Answers undefined when the deadline is no longer open (nothing to move).
 */
export type DuePredictor = (
  item: DueDeadline,
  calendarYears: CalendarYearsPort,
) => Promise<{ id: string; agency: string; oldDue: string; newDue: string } | undefined>;

export interface CalendarPreview {
  readonly year: number;
  readonly moves: PreviewMove[];
  /** Every move found, listed or not. */
  readonly total: number;
  /** True when moves were left unlisted, or the walk stopped at its read bound. */
  readonly truncated: boolean;
}

/** The years in force, with `proposed` standing in for its year: nothing is written. */
export function withProposedYear(inForce: CalendarYearsPort, proposed: CalendarYear): CalendarYearsPort {
  return async (years) => {
    const others = years.filter((year) => year !== proposed.year);
    const loaded = others.length > 0 ? await inForce(others) : [];
    return years.includes(proposed.year) ? [...loaded, proposed] : loaded;
  };
}

/**
 * Which open deadlines loading `proposed` would move, and from what to what. Walks the same
 * window and index query as the recompute job, but only reads: at most `maxExamined` open
 * deadlines are looked at (so a huge backlog answers quickly, marked truncated) and at most
 * `maxListed` moves are listed, while `total` counts every move found.
 */
export async function previewCalendarMoves(
  ports: Pick<RecomputePorts, 'openIn' | 'shards'>,
  predictors: Partial<Record<DeadlineKind, DuePredictor>>,
  inForce: CalendarYearsPort,
  proposed: CalendarYear,
  { maxListed = 500, maxExamined = 5000, pageSize = 100 } = {},
): Promise<CalendarPreview> {
  const calendarYears = withProposedYear(inForce, proposed);
  const { from, to } = recomputeWindow(proposed.year);
  const moves: PreviewMove[] = [];
  let total = 0;
  let examined = 0;
  for (const kind of Object.keys(predictors) as DeadlineKind[]) {
    for (let shard = 0; shard < ports.shards; shard++) {
      let startKey: Record<string, unknown> | undefined;
      do {
        if (examined >= maxExamined) return { year: proposed.year, moves, total, truncated: true };
        const limit = Math.min(pageSize, maxExamined - examined);
        const page = await ports.openIn(kind, shard, from, to, limit, startKey);
        examined += page.items.length;
        for (const item of page.items) {
          const due = await predictors[kind]?.(item, calendarYears);
          if (!due || due.newDue === due.oldDue) continue;
          total++;
          if (moves.length < maxListed) moves.push({ kind, ...due });
        }
        startKey = page.next;
      } while (startKey);
    }
  }
  moves.sort((a, b) => a.oldDue.localeCompare(b.oldDue) || a.id.localeCompare(b.id));
  return { year: proposed.year, moves, total, truncated: total > moves.length };
}
