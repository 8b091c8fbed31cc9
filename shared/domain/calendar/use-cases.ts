import type { Actor } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { type IsoDate, yearOf } from '../dates.ts';
import { InvalidInputError, StaleVersionError } from '../errors.ts';
import {
  assertSupportedYear,
  type CalendarSource,
  type CalendarYear,
  type Holiday,
  officialYear,
} from './calendar-year.ts';
import { type CalendarYearsPort, withCalendar } from './load-calendar.ts';
import type { CalendarStore, StoredCalendarYear } from './ports.ts';
import { effectiveYear, seededOfficialYear } from './seed.ts';
import { addWorkingDays, type Deadline } from './working-days.ts';

/** A year as the API shows it: the year in force and where it came from. */
export interface CalendarYearView {
  readonly year: CalendarYear;
  readonly origin: 'loaded' | 'seed' | 'statutory-rules';
  readonly version?: number;
  readonly updatedAt?: string;
}

function view(year: number, stored: StoredCalendarYear | undefined): CalendarYearView {
  if (stored)
    return { year: stored.year, origin: 'loaded', version: stored.version, updatedAt: stored.updatedAt };
  const seeded = seededOfficialYear(year);
  return { year: effectiveYear(year, undefined), origin: seeded ? 'seed' : 'statutory-rules' };
}

/** The years in force for `years`: loaded, else seeded, else provisional. */
export function calendarYearsFrom(store: CalendarStore): CalendarYearsPort {
  return async (years) => {
    const stored = new Map((await store.getYears(years)).map((s) => [s.year.year, s.year]));
    return years.map((year) => effectiveYear(year, stored.get(year)));
  };
}

export function makeCalendarUseCases({ store, clock }: { store: CalendarStore; clock: Clock }) {
  const loadYears = calendarYearsFrom(store);

  return {
    async getYear(year: number): Promise<CalendarYearView> {
      assertSupportedYear(year);
      const [stored] = await store.getYears([year]);
      return view(year, stored);
    },

    /**
     * Loads the official notice for a year, replacing what was in force. `ifMatch` is the
     * version the caller read (0: "I saw no loaded year"); a stale one changes nothing.
     */
    async loadOfficialYear(
      year: number,
      input: { holidays: readonly Holiday[]; workdays: readonly IsoDate[]; source: CalendarSource },
      { actor, ifMatch }: { actor: Actor; ifMatch?: number | undefined },
    ): Promise<CalendarYearView & { created: boolean }> {
      const next = officialYear(year, input);
      const [previous] = await store.getYears([year]);
      if (ifMatch !== undefined && ifMatch !== (previous?.version ?? 0)) {
        throw new StaleVersionError({
          code: 'calendar_version_mismatch',
          field: 'if-match',
          messages: {
            zh: `${year} 年日历已是第 ${previous?.version ?? 0} 版，与 If-Match 不符`,
            en: `the ${year} calendar is at version ${previous?.version ?? 0}, not the one in If-Match`,
          },
        });
      }
      const stored = await store.putYear(next, previous, { actor, at: clock().toISOString() });
      return { ...view(year, stored), created: previous === undefined };
    },

    /** The end of `workingDays` working days after `from`; see addWorkingDays. */
    async deadline(from: IsoDate, workingDays: number): Promise<Deadline> {
      try {
        return await withCalendar(loadYears, [yearOf(from)], (calendar) =>
          addWorkingDays(calendar, from, workingDays),
        );
      } catch (error) {
        if (error instanceof InvalidInputError && error.code === 'year_out_of_range') {
          throw new InvalidInputError({ code: error.code, field: 'from', messages: error.messages });
        }
        throw error;
      }
    },
  };
}

export type CalendarUseCases = ReturnType<typeof makeCalendarUseCases>;
