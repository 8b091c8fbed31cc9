import { type IsoDate, isIsoDate, isWeekend, yearOf } from '../dates.ts';
import { InvalidInputError } from '../errors.ts';

/** Years the service can reason about: the seed starts in 2004; the lunar table ends in 2099. */
export const SUPPORTED_YEARS = { first: 2004, last: 2099 } as const;

export interface Holiday {
  readonly date: IsoDate;
  readonly name: string;
}

export interface CalendarSource {
  readonly title: string;
  readonly urls: readonly string[];
}

/**
 * One year of the working-day calendar. `official` years come from a State Council notice;
 * a `provisional` year is derived from the statutory holidays and their 补假 alone, without 调休, until its
 * notice is loaded.
 */
export interface CalendarYear {
  readonly year: number;
  readonly status: 'official' | 'provisional';
  readonly source: CalendarSource;
  readonly holidays: readonly Holiday[];
  /** Weekend days the notice declares working days (调休上班). */
  readonly workdays: readonly IsoDate[];
}

export function assertSupportedYear(year: number, field = 'year'): void {
  if (!Number.isInteger(year) || year < SUPPORTED_YEARS.first || year > SUPPORTED_YEARS.last) {
    throw new InvalidInputError({
      code: 'year_out_of_range',
      field,
      messages: {
        zh: `年份须在 ${SUPPORTED_YEARS.first} 至 ${SUPPORTED_YEARS.last} 之间`,
        en: `year must be between ${SUPPORTED_YEARS.first} and ${SUPPORTED_YEARS.last}`,
      },
    });
  }
}

/**
 * Checks an official year before it is loaded: every date real and inside the year, no date
 * twice, no date both a holiday and a working day, and every adjusted working day a weekend
 * day (a weekday is a working day already, so listing one is a mistake in the notice's copy).
 */
export function officialYear(
  year: number,
  input: { holidays: readonly Holiday[]; workdays: readonly IsoDate[]; source: CalendarSource },
): CalendarYear {
  assertSupportedYear(year);
  const seen = new Set<IsoDate>();
  const check = (date: IsoDate, field: string) => {
    if (!isIsoDate(date)) {
      throw invalid(
        'invalid_date',
        field,
        `${date} 不是有效日期（YYYY-MM-DD）`,
        `${date} is not a date (YYYY-MM-DD)`,
      );
    }
    if (yearOf(date) !== year) {
      throw invalid(
        'date_outside_year',
        field,
        `日期 ${date} 不在 ${year} 年内`,
        `${date} is not in ${year}`,
      );
    }
    if (seen.has(date)) {
      throw invalid(
        'date_listed_twice',
        field,
        `日期 ${date} 重复出现（不能既是节假日又是调休上班日）`,
        `${date} is listed twice (a day cannot be both a holiday and a working day)`,
      );
    }
    seen.add(date);
  };
  input.holidays.forEach((h, i) => {
    check(h.date, `holidays[${i}].date`);
  });
  input.workdays.forEach((date, i) => {
    check(date, `workdays[${i}]`);
    if (!isWeekend(date)) {
      throw invalid(
        'workday_not_weekend',
        `workdays[${i}]`,
        `调休上班日 ${date} 不是周末`,
        `adjusted working day ${date} is not a Saturday or Sunday`,
      );
    }
  });
  return {
    year,
    status: 'official',
    source: input.source,
    holidays: [...input.holidays].sort((a, b) => a.date.localeCompare(b.date)),
    workdays: [...input.workdays].sort(),
  };
}

function invalid(code: string, field: string, zh: string, en: string): InvalidInputError {
  return new InvalidInputError({ code, field, messages: { zh, en } });
}
