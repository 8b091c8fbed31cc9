import { describe, expect, it } from 'vitest';
import { officialYear } from '../../../shared/domain/calendar/calendar-year.ts';
import { type CalendarYearsPort, withCalendar } from '../../../shared/domain/calendar/load-calendar.ts';
import { effectiveYear } from '../../../shared/domain/calendar/seed.ts';
import { addWorkingDays, CalendarYearNotLoadedError } from '../../../shared/domain/calendar/working-days.ts';
import { InvalidInputError } from '../../../shared/domain/errors.ts';
import { thrownBy } from '../support/thrown.ts';
import { holiday, type NoticeInput, noticeFor } from './calendar-mother.ts';

const rejectionOf = (year: number, notice: NoticeInput) => thrownBy(() => officialYear(year, notice));

describe('officialYear', () => {
  it('accepts a valid notice and sorts its dates', () => {
    const notice = noticeFor(2026, {
      holidays: [holiday('2026-10-01', '国庆节'), holiday('2026-01-01', '元旦')],
      workdays: ['2026-10-10', '2026-01-04'],
    });

    const year = officialYear(2026, notice);

    expect(year).toEqual({
      year: 2026,
      status: 'official',
      source: notice.source,
      holidays: [holiday('2026-01-01', '元旦'), holiday('2026-10-01', '国庆节')],
      workdays: ['2026-01-04', '2026-10-10'],
    });
  });

  it.each([
    {
      problem: 'a holiday in the year before',
      notice: noticeFor(2026, { holidays: [holiday('2025-12-31')] }),
      code: 'date_outside_year',
      field: 'holidays[0].date',
    },
    {
      problem: 'an impossible date (2026-02-30)',
      notice: noticeFor(2026, { holidays: [holiday('2026-01-01'), holiday('2026-02-30')] }),
      code: 'invalid_date',
      field: 'holidays[1].date',
    },
    {
      problem: 'a date that is not written YYYY-MM-DD',
      notice: noticeFor(2026, { workdays: ['2026-1-4'] }),
      code: 'invalid_date',
      field: 'workdays[0]',
    },
    {
      problem: 'a holiday listed twice',
      notice: noticeFor(2026, { holidays: [holiday('2026-10-01'), holiday('2026-10-01')] }),
      code: 'date_listed_twice',
      field: 'holidays[1].date',
    },
    {
      problem: 'a day that is both a holiday and a working day',
      notice: noticeFor(2026, { holidays: [holiday('2026-10-10')], workdays: ['2026-10-10'] }),
      code: 'date_listed_twice',
      field: 'workdays[0]',
    },
    {
      problem: 'a weekday listed as an adjusted working day',
      notice: noticeFor(2026, { workdays: ['2026-09-20', '2026-09-21'] }),
      code: 'workday_not_weekend',
      field: 'workdays[1]',
    },
  ])('rejects $problem as $code in $field', ({ notice, code, field }) => {
    const error = rejectionOf(2026, notice);

    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ code, field });
  });

  it('explains a rejection in Chinese and in English', () => {
    const error = rejectionOf(2026, noticeFor(2026, { workdays: ['2026-09-21'] }));

    expect(error).toMatchObject({
      messages: { zh: expect.stringContaining('2026-09-21'), en: expect.stringContaining('2026-09-21') },
    });
  });

  it.each([2003, 2100, 2026.5])('rejects the year %s as out of range', (year) => {
    const error = rejectionOf(year, noticeFor(year));

    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ code: 'year_out_of_range', field: 'year' });
  });

  it.each([2004, 2099])('accepts the year %i at the edge of the supported range', (year) => {
    expect(officialYear(year, noticeFor(year)).year).toBe(year);
  });
});

/** A port over the seed and the statutory rules that records which years it was asked for. */
function recordingPort() {
  const requests: number[][] = [];
  const port: CalendarYearsPort = async (years) => {
    requests.push([...years]);
    return years.map((year) => effectiveYear(year, undefined));
  };
  return { port, requests };
}

describe('withCalendar', () => {
  it('loads the next year when a deadline runs into it', async () => {
    const { port, requests } = recordingPort();

    const deadline = await withCalendar(port, [2026], (calendar) =>
      addWorkingDays(calendar, '2026-12-24', 10),
    );

    expect(requests).toEqual([[2026], [2027]]);
    expect(deadline).toMatchObject({ due: '2027-01-08', provisional: true });
  });

  it('asks only for the first years when the computation stays inside them', async () => {
    const { port, requests } = recordingPort();

    const deadline = await withCalendar(port, [2026], (calendar) =>
      addWorkingDays(calendar, '2026-09-30', 7),
    );

    expect(requests).toEqual([[2026]]);
    expect(deadline.due).toBe('2026-10-15');
  });

  it('refuses to load a year past the supported range', async () => {
    const { port, requests } = recordingPort();

    const result = withCalendar(port, [2099], (calendar) => addWorkingDays(calendar, '2099-12-28', 10));

    await expect(result).rejects.toThrow(InvalidInputError);
    await expect(result).rejects.toMatchObject({ code: 'year_out_of_range' });
    expect(requests).toEqual([[2099]]);
  });

  it('checks the first years before asking the port for anything', async () => {
    const { port, requests } = recordingPort();

    const result = withCalendar(port, [2003], () => 'never computed');

    await expect(result).rejects.toMatchObject({ code: 'year_out_of_range' });
    expect(requests).toEqual([]);
  });

  it('passes on any other error of the computation without retrying', async () => {
    const { port, requests } = recordingPort();

    const result = withCalendar(port, [2026], () => {
      throw new Error('computation failed');
    });

    await expect(result).rejects.toThrow('computation failed');
    expect(requests).toEqual([[2026]]);
  });

  it('gives up, instead of asking forever, when the port does not return a year it was asked for', async () => {
    const requests: number[][] = [];
    const forgetful: CalendarYearsPort = async (years) => {
      requests.push([...years]);
      return years.filter((year) => year !== 2027).map((year) => effectiveYear(year, undefined));
    };

    const result = withCalendar(forgetful, [2026], (calendar) => addWorkingDays(calendar, '2026-12-24', 10));

    await expect(result).rejects.toThrow(CalendarYearNotLoadedError);
    expect(requests).toEqual([[2026], [2027]]);
  });
});
