import { describe, expect, it } from 'vitest';
import {
  addDays,
  datesInRange,
  dayOfWeek,
  daysBetween,
  endOfShanghaiDay,
  isIsoDate,
  isWeekend,
  shanghaiDate,
  startOfShanghaiDay,
} from '../../shared/domain/dates.ts';

// vitest runs this under TZ=America/Los_Angeles, so any use of the server's zone shows up.
const at = (instant: string) => new Date(instant);

describe('isIsoDate', () => {
  it.each(['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '2028-02-29'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    '2026-02-29',
    '2100-02-29',
    '1900-02-29',
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
  ])('rejects the impossible date %s', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });

  it.each([
    '',
    '2026-1-4',
    '20260104',
    '2026/01/04',
    ' 2026-01-04',
    '2026-01-04\n',
    '2026-01-04T00:00:00Z',
    'yyyy-mm-dd',
  ])('rejects the malformed string %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2026-03-08', 1, '2026-03-09'], // Los Angeles springs forward that night
    ['2026-11-01', 1, '2026-11-02'], // and falls back on this one
  ] as const)('moves %s by %i days to %s', (from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
  });

  it('refuses a string that is not a date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it('counts whole days between two dates, negative when the second is earlier', () => {
    expect(daysBetween('2026-09-30', '2026-10-15')).toBe(15);
    expect(daysBetween('2026-10-15', '2026-09-30')).toBe(-15);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });

  it('knows the day of the week whatever the server zone', () => {
    expect(dayOfWeek('2026-01-01')).toBe(4); // a Thursday
    expect(isWeekend('2026-01-03')).toBe(true);
    expect(isWeekend('2026-01-04')).toBe(true);
    expect(isWeekend('2026-01-05')).toBe(false);
  });

  it('lists every date of a range, both ends included', () => {
    expect(datesInRange('2028-02-27', '2028-03-01')).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
    ]);
    expect(datesInRange('2026-10-15', '2026-10-15')).toEqual(['2026-10-15']);
    expect(datesInRange('2026-10-15', '2026-10-14')).toEqual([]);
  });
});

describe('shanghaiDate', () => {
  it.each([
    ['2026-10-15T15:59:59Z', '2026-10-15'],
    ['2026-10-15T15:59:59.999Z', '2026-10-15'],
    ['2026-10-15T16:00:00Z', '2026-10-16'],
    ['2026-10-15T00:00:00+08:00', '2026-10-15'],
    ['2026-10-14T23:59:59+08:00', '2026-10-14'],
    ['2026-12-31T16:00:00Z', '2027-01-01'],
    ['2026-10-15T09:30:00-07:00', '2026-10-16'], // still 10-15 in Los Angeles
  ])('puts %s on %s in Asia/Shanghai', (instant, expected) => {
    expect(shanghaiDate(at(instant))).toBe(expected);
  });
});

describe('the bounds of a Shanghai day', () => {
  it.each([
    ['2026-10-15', '2026-10-16T00:00:00+08:00'],
    ['2026-12-31', '2027-01-01T00:00:00+08:00'],
    ['2028-02-28', '2028-02-29T00:00:00+08:00'],
  ])('ends %s at 24:00 Asia/Shanghai, written %s', (date, expected) => {
    expect(endOfShanghaiDay(date)).toBe(expected);
  });

  it('ends a day at the first instant Shanghai calls the next day', () => {
    const end = Date.parse(endOfShanghaiDay('2026-10-15'));

    expect(shanghaiDate(new Date(end - 1))).toBe('2026-10-15');
    expect(shanghaiDate(new Date(end))).toBe('2026-10-16');
  });

  it('starts a day at 00:00 Asia/Shanghai', () => {
    expect(startOfShanghaiDay('2026-10-15')).toBe('2026-10-15T00:00:00+08:00');
    expect(Date.parse(startOfShanghaiDay('2026-10-15'))).toBe(Date.parse('2026-10-14T16:00:00Z'));
  });

  it('refuses to bound a day that does not exist', () => {
    expect(() => startOfShanghaiDay('2026-02-30')).toThrow(RangeError);
    expect(() => endOfShanghaiDay('2026-02-30')).toThrow(RangeError);
  });
});
