import { assertSupportedYear, type CalendarYear } from './calendar-year.ts';
import { CalendarYearNotLoadedError, WorkingCalendar } from './working-days.ts';

/** Where a use case gets the years it needs (the table, then the seed, then provisional). */
export type CalendarYearsPort = (years: readonly number[]) => Promise<CalendarYear[]>;

/**
 * Runs a computation over the working calendar, loading the years it reaches as it reaches
 * them, so no guess about how far a period may run is needed.
 */
export async function withCalendar<T>(
  loadYears: CalendarYearsPort,
  firstYears: readonly number[],
  compute: (calendar: WorkingCalendar) => T,
): Promise<T> {
  const loaded = new Map<number, CalendarYear>();
  const asked = new Set<number>();
  let wanted = [...firstYears];
  for (;;) {
    for (const year of wanted) {
      assertSupportedYear(year);
      asked.add(year);
    }
    for (const year of await loadYears(wanted)) loaded.set(year.year, year);
    try {
      return compute(new WorkingCalendar([...loaded.values()]));
    } catch (error) {
      // A port that does not return a year it was asked for would otherwise be asked forever.
      if (!(error instanceof CalendarYearNotLoadedError) || asked.has(error.year)) throw error;
      wanted = [error.year];
    }
  }
}
