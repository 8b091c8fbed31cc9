import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { officialYear } from '../../../shared/domain/calendar/calendar-year.ts';
import festivalDates from '../../../shared/domain/calendar/festival-dates.json' with { type: 'json' };
import officialYears from '../../../shared/domain/calendar/official-years.json' with { type: 'json' };
import { isWorkingDay, WorkingCalendar } from '../../../shared/domain/calendar/working-days.ts';
import { datesInRange } from '../../../shared/domain/dates.ts';
import { seeded } from './calendar-mother.ts';
import { askChineseDaysInShanghai } from './chinese-days-oracle.ts';

const OFFICIAL = { first: 2004, last: 2026 };
const FESTIVAL = { first: 2027, last: 2099 };
const FIRST_YEAR_WITH_URL = 2007; // holiday-cn, where the URLs come from, starts with the 2007 notice

const yearsOf = ({ first, last }: { first: number; last: number }) =>
  Array.from({ length: last - first + 1 }, (_, i) => first + i);

const oracle = askChineseDaysInShanghai(OFFICIAL, FESTIVAL);
const workedByChineseDays = new Set(oracle.workedDates);

describe('the chinese-days oracle', () => {
  it('ran in Asia/Shanghai and reads the 2026 notice as DOMAIN.md states it', () => {
    expect(oracle.timezoneOffset).toBe(-480);
    expect(workedByChineseDays.has('2026-01-04')).toBe(true); // Sunday, 调休上班
    expect(workedByChineseDays.has('2026-10-01')).toBe(false); // 国庆节
    expect(workedByChineseDays.has('2026-10-09')).toBe(true); // an ordinary Friday
    expect(workedByChineseDays.has('2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(workedByChineseDays.has('2026-10-11')).toBe(false); // an ordinary Sunday
  });
});

describe('official-years.json', () => {
  it('holds every year from 2004 to 2026 and no other', () => {
    expect(Object.keys(officialYears)).toEqual(yearsOf(OFFICIAL).map(String));
  });

  it.each(yearsOf(OFFICIAL))('agrees with chinese-days on whether each day of %i is worked', (year) => {
    const calendar = new WorkingCalendar([seeded(year)]);

    const disagreements = datesInRange(`${year}-01-01`, `${year}-12-31`).filter(
      (date) => isWorkingDay(calendar, date) !== workedByChineseDays.has(date),
    );

    expect(disagreements).toEqual([]);
  });

  it.each(yearsOf(OFFICIAL))('names the State Council notice for %i as its source', (year) => {
    const { source } = seeded(year);

    expect(source.title).toContain(`${year}年`);
    if (year >= FIRST_YEAR_WITH_URL) expect(source.urls.some((url) => /^https?:\/\//.test(url))).toBe(true);
  });

  it.each(yearsOf(OFFICIAL))('passes for %i the checks a loaded year must pass', (year) => {
    const shipped = seeded(year);

    expect(officialYear(year, shipped)).toEqual(shipped);
  });
});

describe('festival-dates.json', () => {
  it('holds every year from 2027 to 2099 and no other', () => {
    expect(Object.keys(festivalDates)).toEqual(yearsOf(FESTIVAL).map(String));
  });

  it("agrees with chinese-days' lunar-to-solar conversion and solar terms in every year", () => {
    expect(festivalDates).toEqual(oracle.festivals);
  });

  it("puts each lunar festival on its lunar day by chinese-days' solar-to-lunar conversion", () => {
    // getLunarDate counts whole days from a fixed UTC instant to a UTC-parsed date, so unlike
    // the other direction it answers the same in any zone; this runs under America/Los_Angeles.
    const lunarDays = { springFestival: [1, 1], dragonBoat: [5, 5], midAutumn: [8, 15] } as const;
    const expected: unknown[] = [];
    const actual: unknown[] = [];

    for (const [year, festivals] of Object.entries(festivalDates)) {
      for (const [festival, [lunarMon, lunarDay]] of Object.entries(lunarDays)) {
        const date = festivals[festival as keyof typeof lunarDays];
        const lunar = chineseDays.getLunarDate(date);
        expected.push({ date, lunarYear: Number(year), lunarMon, lunarDay, isLeap: false });
        actual.push({
          date,
          lunarYear: lunar.lunarYear,
          lunarMon: lunar.lunarMon,
          lunarDay: lunar.lunarDay,
          isLeap: lunar.isLeap,
        });
      }
    }

    expect(actual).toEqual(expected);
  });

  it('puts 清明 on 4 or 5 April in every year', () => {
    const qingmingDays = new Set(Object.values(festivalDates).map((f) => f.qingming.slice(5)));

    expect([...qingmingDays].sort()).toEqual(['04-04', '04-05']);
  });
});
