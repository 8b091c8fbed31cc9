import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  type DayKind,
  isWorkingDay,
  MAX_WORKING_DAYS,
  workingDaysBetween,
} from '../../../shared/domain/calendar/working-days.ts';
import { datesInRange, type IsoDate, isWeekend } from '../../../shared/domain/dates.ts';
import { InvalidInputError } from '../../../shared/domain/errors.ts';
import { thrownBy } from '../support/thrown.ts';
import { seededCalendar } from './calendar-mother.ts';

const WORKDAY: DayKind = { working: true, adjusted: false };
const ADJUSTED_WORKDAY: DayKind = { working: true, adjusted: true };

interface HolidayBlock {
  name: string;
  first: IsoDate;
  last: IsoDate;
  before: [IsoDate, DayKind];
  after: [IsoDate, DayKind];
}

const block = (
  name: string,
  [first, last]: [IsoDate, IsoDate],
  before: [IsoDate, DayKind],
  after: [IsoDate, DayKind],
): HolidayBlock => ({ name, first, last, before, after });

/**
 * 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), written out from DOMAIN.md rather than
 * read from the seed, with the kind of day either side of each block.
 */
const NOTICE_2026 = {
  blocks: [
    block('元旦', ['2026-01-01', '2026-01-03'], ['2025-12-31', WORKDAY], ['2026-01-04', ADJUSTED_WORKDAY]),
    block('春节', ['2026-02-15', '2026-02-23'], ['2026-02-14', ADJUSTED_WORKDAY], ['2026-02-24', WORKDAY]),
    block('清明', ['2026-04-04', '2026-04-06'], ['2026-04-03', WORKDAY], ['2026-04-07', WORKDAY]),
    block('劳动节', ['2026-05-01', '2026-05-05'], ['2026-04-30', WORKDAY], ['2026-05-06', WORKDAY]),
    block('端午', ['2026-06-19', '2026-06-21'], ['2026-06-18', WORKDAY], ['2026-06-22', WORKDAY]),
    block('中秋', ['2026-09-25', '2026-09-27'], ['2026-09-24', WORKDAY], ['2026-09-28', WORKDAY]),
    block('国庆', ['2026-10-01', '2026-10-07'], ['2026-09-30', WORKDAY], ['2026-10-08', WORKDAY]),
  ],
  workingWeekends: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};

// 2025 is loaded too: the day before 元旦 2026 lies in it.
const calendar = seededCalendar(2025, 2026);

const holidayNamed = (name: string) => ({
  working: false,
  reason: 'holiday',
  name: expect.stringContaining(name),
});

describe('the 2026 State Council notice', () => {
  it.each(NOTICE_2026.blocks)('gives $name off from $first to $last', ({ name, first, last }) => {
    const kinds = datesInRange(first, last).map((date) => calendar.dayKind(date));

    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) expect(kind).toEqual(holidayNamed(name));
  });

  it.each(NOTICE_2026.blocks)('works the day before and the day after $name', ({ before, after }) => {
    const [dayBefore, kindBefore] = before;
    const [dayAfter, kindAfter] = after;

    expect(calendar.dayKind(dayBefore)).toEqual(kindBefore);
    expect(calendar.dayKind(dayAfter)).toEqual(kindAfter);
  });

  it.each(NOTICE_2026.workingWeekends)('works on the weekend day %s (调休上班)', (date) => {
    expect(isWeekend(date)).toBe(true);
    expect(calendar.dayKind(date)).toEqual(ADJUSTED_WORKDAY);
  });

  it('keeps every other day of 2026 as the week has it', () => {
    const listed = new Set([
      ...NOTICE_2026.blocks.flatMap(({ first, last }) => datesInRange(first, last)),
      ...NOTICE_2026.workingWeekends,
    ]);
    const others = datesInRange('2026-01-01', '2026-12-31').filter((date) => !listed.has(date));

    const misclassified = others.filter((date) => isWorkingDay(calendar, date) === isWeekend(date));

    expect(others).toHaveLength(365 - listed.size);
    expect(misclassified).toEqual([]);
  });
});

describe('addWorkingDays over 2026', () => {
  it('counts seven working days from 2026-09-30 past 国庆 to 2026-10-15', () => {
    const deadline = addWorkingDays(calendar, '2026-09-30', 7);

    expect(deadline).toEqual({
      from: '2026-09-30',
      workingDays: 7,
      due: '2026-10-15',
      dueAt: '2026-10-16T00:00:00+08:00',
      provisional: false,
      skipped: [
        ...datesInRange('2026-10-01', '2026-10-07').map((date) => ({
          date,
          reason: 'holiday',
          name: '国庆节',
        })),
        { date: '2026-10-11', reason: 'weekend', name: '星期日' },
      ],
    });
  });

  it('counts the 调休 Saturday after a Friday as the first working day', () => {
    expect(addWorkingDays(calendar, '2026-02-13', 1)).toMatchObject({ due: '2026-02-14', skipped: [] });
    expect(addWorkingDays(calendar, '2026-10-09', 1)).toMatchObject({ due: '2026-10-10', skipped: [] });
  });

  it('skips the whole 春节 block and counts both 调休 Saturdays around it', () => {
    const deadline = addWorkingDays(calendar, '2026-02-13', 6);

    expect(deadline.due).toBe('2026-02-28');
    expect(deadline.skipped.map((day) => day.date)).toEqual(datesInRange('2026-02-15', '2026-02-23'));
    expect(deadline.skipped.every((day) => day.reason === 'holiday' && day.name === '春节')).toBe(true);
  });

  it('does not count the day of the event, so a Friday plus one working day ends on Monday', () => {
    const deadline = addWorkingDays(calendar, '2026-03-06', 1);

    expect(deadline.due).toBe('2026-03-09');
    expect(deadline.skipped).toEqual([
      { date: '2026-03-07', reason: 'weekend', name: '星期六' },
      { date: '2026-03-08', reason: 'weekend', name: '星期日' },
    ]);
  });

  it('moves past a holiday Monday when a Friday plus one working day would end on it', () => {
    const deadline = addWorkingDays(calendar, '2026-04-03', 1);

    expect(deadline.due).toBe('2026-04-07');
    expect(deadline.skipped.map((day) => day.date)).toEqual(['2026-04-04', '2026-04-05', '2026-04-06']);
  });

  it('starts counting after a holiday that is itself day 0', () => {
    expect(addWorkingDays(calendar, '2026-10-01', 1).due).toBe('2026-10-08');
  });

  it.each([0, MAX_WORKING_DAYS + 1, 1.5])('refuses %s working days', (n) => {
    const error = thrownBy(() => addWorkingDays(calendar, '2026-03-02', n));

    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ code: 'working_days_out_of_range', field: 'workingDays' });
  });
});

describe('workingDaysBetween over 2026', () => {
  it('counts the seven working days from 2026-09-30 to 2026-10-15', () => {
    expect(workingDaysBetween(calendar, '2026-09-30', '2026-10-15')).toBe(7);
  });

  it('counts nothing when the end is not after the start', () => {
    expect(workingDaysBetween(calendar, '2026-10-15', '2026-10-15')).toBe(0);
    expect(workingDaysBetween(calendar, '2026-10-15', '2026-09-30')).toBe(0);
  });

  it.each(['2026-01-01', '2026-02-13', '2026-04-30', '2026-09-18'])(
    'counts back exactly the n working days addWorkingDays added from %s',
    (from) => {
      const counts = Array.from({ length: MAX_WORKING_DAYS }, (_, i) => i + 1);

      const roundTrips = counts.map((n) =>
        workingDaysBetween(calendar, from, addWorkingDays(calendar, from, n).due),
      );

      expect(roundTrips).toEqual(counts);
    },
  );
});
