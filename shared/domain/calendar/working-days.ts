import { addDays, dayOfWeek, endOfShanghaiDay, type IsoDate, yearOf } from '../dates.ts';
import { InvalidInputError } from '../errors.ts';
import type { CalendarYear } from './calendar-year.ts';

export type DayKind =
  | { readonly working: true; readonly adjusted: boolean }
  | { readonly working: false; readonly reason: 'weekend' | 'holiday'; readonly name: string };

export interface SkippedDay {
  readonly date: IsoDate;
  readonly reason: 'weekend' | 'holiday';
  readonly name: string;
}

export interface Deadline {
  readonly from: IsoDate;
  readonly workingDays: number;
  /** The N-th working day after `from`; `from` itself is day 0 and not counted. */
  readonly due: IsoDate;
  /** The instant the period ends: 24:00 Asia/Shanghai on `due`. */
  readonly dueAt: string;
  /** True when any day looked at lies in a year whose notice is not loaded yet. */
  readonly provisional: boolean;
  readonly skipped: readonly SkippedDay[];
}

export const MAX_WORKING_DAYS = 60;

/** Thrown when a computation reaches a year the caller did not load; load it and retry. */
export class CalendarYearNotLoadedError extends Error {
  constructor(readonly year: number) {
    super(`calendar year ${year} was not loaded`);
    this.name = 'CalendarYearNotLoadedError';
  }
}

/**
 * The working-day calendar over a set of years. It answers only for the years it was given,
 * so a caller that forgot to load a year fails loudly instead of counting it as ordinary.
 */
export class WorkingCalendar {
  private readonly years = new Map<
    number,
    { year: CalendarYear; holidays: Map<IsoDate, string>; workdays: Set<IsoDate> }
  >();

  constructor(years: readonly CalendarYear[]) {
    for (const year of years) {
      this.years.set(year.year, {
        year,
        holidays: new Map(year.holidays.map((h) => [h.date, h.name])),
        workdays: new Set(year.workdays),
      });
    }
  }

  private entry(date: IsoDate) {
    const entry = this.years.get(yearOf(date));
    if (!entry) throw new CalendarYearNotLoadedError(yearOf(date));
    return entry;
  }

  dayKind(date: IsoDate): DayKind {
    const { holidays, workdays } = this.entry(date);
    if (workdays.has(date)) return { working: true, adjusted: true };
    const holiday = holidays.get(date);
    if (holiday) return { working: false, reason: 'holiday', name: holiday };
    const day = dayOfWeek(date);
    if (day === 0 || day === 6)
      return { working: false, reason: 'weekend', name: day === 0 ? '星期日' : '星期六' };
    return { working: true, adjusted: false };
  }

  isProvisional(date: IsoDate): boolean {
    return this.entry(date).year.status === 'provisional';
  }
}

export function isWorkingDay(calendar: WorkingCalendar, date: IsoDate): boolean {
  return calendar.dayKind(date).working;
}

export function assertWorkingDayCount(n: number, field = 'workingDays'): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS) {
    throw new InvalidInputError({
      code: 'working_days_out_of_range',
      field,
      messages: {
        zh: `工作日数须为 1 至 ${MAX_WORKING_DAYS} 之间的整数`,
        en: `workingDays must be a whole number from 1 to ${MAX_WORKING_DAYS}`,
      },
    });
  }
}

/**
 * The end of a period of `n` working days that starts on `from` (民法典 第201、203条): the day
 * of the event is day 0 and is not counted; the period ends at 24:00 of the n-th working day.
 */
export function addWorkingDays(calendar: WorkingCalendar, from: IsoDate, n: number): Deadline {
  assertWorkingDayCount(n);
  const skipped: SkippedDay[] = [];
  let provisional = false;
  let date = from;
  for (let counted = 0; counted < n; ) {
    date = addDays(date, 1);
    provisional ||= calendar.isProvisional(date);
    const kind = calendar.dayKind(date);
    if (kind.working) counted++;
    else skipped.push({ date, reason: kind.reason, name: kind.name });
  }
  return { from, workingDays: n, due: date, dueAt: endOfShanghaiDay(date), provisional, skipped };
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(calendar: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
    if (calendar.dayKind(date).working) count++;
  }
  return count;
}
