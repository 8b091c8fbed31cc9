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

/**
 * The years in force, with `proposed` standing in for its year: nothing is written. Each year
 * is read once per preview, not once per deadline: a preview walks thousands of them.
 */
export function withProposedYear(inForce: CalendarYearsPort, proposed: CalendarYear): CalendarYearsPort {
  const read = new Map<number, CalendarYear>([[proposed.year, proposed]]);
  return async (years) => {
    const missing = years.filter((year) => !read.has(year));
    if (missing.length > 0) for (const year of await inForce(missing)) read.set(year.year, year);
    return years.flatMap((year) => read.get(year) ?? []);
  };
}

/**
 * Which open deadlines loading `proposed` would move, and from what to what. Walks the same
 * window and index query as the recompute job, but only reads, a page of deadlines at a time
 * in parallel: at most `maxExamined` open deadlines are looked at, and none once `timeLeft`
 * says the answer is due (so a huge backlog answers in time, marked truncated), and at most
 * `maxListed` moves are listed, while `total` counts every move found.
 */
export async function previewCalendarMoves(
  ports: Pick<RecomputePorts, 'openIn' | 'shards'>,
  predictors: Partial<Record<DeadlineKind, DuePredictor>>,
  inForce: CalendarYearsPort,
  proposed: CalendarYear,
  {
    maxListed = 500,
    maxExamined = 5000,
    pageSize = 100,
    timeLeft = (): boolean => true,
  }: { maxListed?: number; maxExamined?: number; pageSize?: number; timeLeft?: () => boolean } = {},
): Promise<CalendarPreview> {
  const calendarYears = withProposedYear(inForce, proposed);
  const { from, to } = recomputeWindow(proposed.year);
  const moves: PreviewMove[] = [];
  let total = 0;
  let examined = 0;
  const answer = (stopped: boolean): CalendarPreview => {
    moves.sort((a, b) => a.oldDue.localeCompare(b.oldDue) || a.id.localeCompare(b.id));
    return { year: proposed.year, moves, total, truncated: stopped || total > moves.length };
  };
  for (const kind of Object.keys(predictors) as DeadlineKind[]) {
    for (let shard = 0; shard < ports.shards; shard++) {
      let startKey: Record<string, unknown> | undefined;
      do {
        if (examined >= maxExamined || !timeLeft()) return answer(true);
        const limit = Math.min(pageSize, maxExamined - examined);
        const page = await ports.openIn(kind, shard, from, to, limit, startKey);
        examined += page.items.length;
        const dues = await Promise.all(page.items.map((item) => predictors[kind]?.(item, calendarYears)));
        for (const due of dues) {
          if (!due || due.newDue === due.oldDue) continue;
          total++;
          if (moves.length < maxListed) moves.push({ kind, ...due });
        }
        startKey = page.next;
      } while (startKey);
    }
  }
  return answer(false);
}
