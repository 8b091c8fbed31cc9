import { type WorkingCalendar, workingDaysBetween } from '../calendar/working-days.ts';
import type { IsoDate } from '../dates.ts';

/** A deadline as a clerk reads it: the date, and how many working days remain (or how late). */
export interface DeadlineStanding {
  readonly due: IsoDate;
  /**
   * Working days after today up to and including `due` (0: due today); when late, minus the
   * working days after `due` up to and including today (0 when only rest days have passed).
   */
  readonly workingDaysLeft: number;
  /** True once `due` has passed (its 24:00 Asia/Shanghai lies before today). */
  readonly late: boolean;
}

/**
 * Working days from `today` to `due`, negative when late, over the working calendar (调休
 * working Saturdays count, 补假 holidays do not). The calendar must hold both dates' years.
 */
export function deadlineStanding(calendar: WorkingCalendar, today: IsoDate, due: IsoDate): DeadlineStanding {
  if (due >= today) return { due, workingDaysLeft: workingDaysBetween(calendar, today, due), late: false };
  // `-0` would print as 0; a late deadline seen on a rest day is 0 working days late.
  return { due, workingDaysLeft: 0 - workingDaysBetween(calendar, due, today), late: true };
}
