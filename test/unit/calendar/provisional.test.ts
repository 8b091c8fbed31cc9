import { describe, expect, it } from 'vitest';
import { officialYear } from '../../../shared/domain/calendar/calendar-year.ts';
import festivalDates from '../../../shared/domain/calendar/festival-dates.json' with { type: 'json' };
import { effectiveYear, provisionalYear } from '../../../shared/domain/calendar/seed.ts';
import {
  addWorkingDays,
  CalendarYearNotLoadedError,
  WorkingCalendar,
} from '../../../shared/domain/calendar/working-days.ts';
import { isWeekend } from '../../../shared/domain/dates.ts';
import { thrownBy } from '../support/thrown.ts';
import { holiday, noticeFor, seeded } from './calendar-mother.ts';

/** The first year whose 中秋 falls on 10/1–10/3, looked up rather than assumed. */
function yearWithMidAutumnInNationalDay(): number {
  const found = Object.entries(festivalDates).find(
    ([, f]) => f.midAutumn.slice(5) <= '10-03' && f.midAutumn.slice(5) >= '10-01',
  );
  if (!found) throw new Error('festival-dates.json has no year with 中秋 on 10/1–10/3');
  return Number(found[0]);
}

describe('provisionalYear', () => {
  it('has the statutory holidays of the 2024 rules (第2条) for 2027 and their 补假 (第6条)', () => {
    const year = provisionalYear(2027);

    expect(year.holidays).toEqual([
      holiday('2027-01-01', '元旦'),
      holiday('2027-02-05', '春节'),
      // 初一 and 初二 fall on Saturday and Sunday: made up on Tuesday and Wednesday after 初三.
      holiday('2027-02-06', '春节'),
      holiday('2027-02-07', '春节'),
      holiday('2027-02-08', '春节'),
      holiday('2027-02-09', '春节（补假）'),
      holiday('2027-02-10', '春节（补假）'),
      holiday('2027-04-05', '清明节'),
      holiday('2027-05-01', '劳动节'),
      holiday('2027-05-02', '劳动节'),
      holiday('2027-05-03', '劳动节（补假）'),
      holiday('2027-05-04', '劳动节（补假）'),
      holiday('2027-06-09', '端午节'),
      holiday('2027-09-15', '中秋节'),
      holiday('2027-10-01', '国庆节'),
      holiday('2027-10-02', '国庆节'),
      holiday('2027-10-03', '国庆节'),
      holiday('2027-10-04', '国庆节（补假）'),
      holiday('2027-10-05', '国庆节（补假）'),
    ]);
  });

  it('makes up a weekend holiday on the first working day after its block (第6条), skipping the weekend', () => {
    // 2031: 春节 runs Wed 1/22 to Sat 1/25; the Saturday is made up on Monday 1/27, not Sunday.
    // 清明 is Saturday 4/5: made up on Monday 4/7.
    const holidays = provisionalYear(2031).holidays;

    expect(holidays).toContainEqual(holiday('2031-01-27', '春节（补假）'));
    expect(holidays).toContainEqual(holiday('2031-04-07', '清明节（补假）'));
    expect(holidays.map((h) => h.date)).not.toContain('2031-01-26');
  });

  it('makes up a weekend 元旦 on the Monday after it (第6条)', () => {
    // 2028-01-01 is a Saturday.
    expect(provisionalYear(2028).holidays.slice(0, 2)).toEqual([
      holiday('2028-01-01', '元旦'),
      holiday('2028-01-03', '元旦（补假）'),
    ]);
  });

  it('makes up a day that is both 中秋 and 国庆 once, like any other day off (第6条)', () => {
    // 2028: 中秋 is on 10/3 (Tuesday); only 10/1, a Sunday, is owed: one made-up day, 10/4.
    const october = provisionalYear(2028).holidays.filter((h) => h.date.startsWith('2028-10-'));

    expect(october).toEqual([
      holiday('2028-10-01', '国庆节'),
      holiday('2028-10-02', '国庆节'),
      holiday('2028-10-03', '中秋节、国庆节'),
      holiday('2028-10-04', '国庆节（补假）'),
    ]);
  });

  it('owes exactly as many made-up days as statutory days off fall on a weekend, in every year', () => {
    const wrong = Object.keys(festivalDates).filter((year) => {
      const holidays = provisionalYear(Number(year)).holidays;
      const madeUp = holidays.filter((h) => h.name.endsWith('（补假）'));
      const owed = holidays.filter((h) => !h.name.endsWith('（补假）') && isWeekend(h.date));
      return madeUp.length !== owed.length || madeUp.some((h) => isWeekend(h.date));
    });

    expect(wrong).toEqual([]);
  });

  it('is provisional, without 调休, and names the statutory rules as its source', () => {
    const year = provisionalYear(2027);

    expect(year).toMatchObject({ year: 2027, status: 'provisional', workdays: [] });
    expect(year.source.title).toContain('全国年节及纪念日放假办法');
  });

  it('merges 中秋 into 国庆 as one holiday with both names when they fall together', () => {
    const year = yearWithMidAutumnInNationalDay();
    const midAutumn = festivalDates[String(year) as keyof typeof festivalDates].midAutumn;

    const holidays = provisionalYear(year).holidays;

    const statutory = holidays.filter((h) => !h.name.endsWith('（补假）'));
    expect(holidays.filter((h) => h.date === midAutumn)).toEqual([holiday(midAutumn, '中秋节、国庆节')]);
    expect(statutory.filter((h) => h.date.startsWith(`${year}-10-`)).map((h) => h.date)).toEqual([
      `${year}-10-01`,
      `${year}-10-02`,
      `${year}-10-03`,
    ]);
    expect(statutory).toHaveLength(12);
  });

  it('starts 春节 on 除夕, the day before the first day of the lunar year, in every year', () => {
    const misplaced = Object.entries(festivalDates).filter(([year, f]) => {
      const springFestival = provisionalYear(Number(year)).holidays.filter((h) => h.name === '春节');
      return springFestival[1]?.date !== f.springFestival || springFestival.length !== 4;
    });

    expect(misplaced).toEqual([]);
  });
});

describe('deadlines that reach a provisional year', () => {
  const calendar = new WorkingCalendar([seeded(2026), provisionalYear(2027)]);

  it('counts 7 working days from 2027-02-04 past the Spring Festival and its two made-up days (第6条)', () => {
    // 2/5–2/8 holidays (2/6–2/7 a weekend), 2/9–2/10 补假, then 2/11, 2/12, 2/15–2/19.
    const deadline = addWorkingDays(calendar, '2027-02-04', 7);

    expect(deadline).toMatchObject({ due: '2027-02-19', provisional: true });
    expect(deadline.skipped).toContainEqual({ date: '2027-02-10', reason: 'holiday', name: '春节（补假）' });
  });

  it('counts a deadline across 2027-05-01 past 劳动节 and its made-up days (第6条)', () => {
    // Thu 4/29 + 3: 4/30 (1); 5/1–5/2 weekend holidays; 5/3–5/4 补假; 5/5 (2), 5/6 (3).
    const deadline = addWorkingDays(calendar, '2027-04-29', 3);

    expect(deadline).toMatchObject({ due: '2027-05-06', provisional: true });
  });

  it('says a deadline from 2026-12-24 that runs into 2027 is provisional', () => {
    const deadline = addWorkingDays(calendar, '2026-12-24', 10);

    expect(deadline).toMatchObject({ due: '2027-01-08', provisional: true });
    expect(deadline.skipped).toContainEqual({ date: '2027-01-01', reason: 'holiday', name: '元旦' });
  });

  it('says a deadline from 2026-12-24 that ends inside 2026 is not provisional', () => {
    const deadline = addWorkingDays(calendar, '2026-12-24', 5);

    expect(deadline).toMatchObject({ due: '2026-12-31', provisional: false });
  });

  it('refuses to count into a year that was not loaded', () => {
    const only2026 = new WorkingCalendar([seeded(2026)]);

    const error = thrownBy(() => addWorkingDays(only2026, '2026-12-24', 10));

    expect(error).toBeInstanceOf(CalendarYearNotLoadedError);
    expect(error).toMatchObject({ year: 2027 });
  });
});

describe('effectiveYear', () => {
  it('prefers a loaded year over the shipped notice', () => {
    const loaded = officialYear(2026, noticeFor(2026));

    expect(effectiveYear(2026, loaded)).toBe(loaded);
  });

  it('prefers a loaded year over the statutory rules', () => {
    const loaded = officialYear(2027, noticeFor(2027));

    expect(effectiveYear(2027, loaded)).toBe(loaded);
  });

  it('falls back to the shipped notice when nothing was loaded', () => {
    expect(effectiveYear(2026, undefined)).toEqual(seeded(2026));
  });

  it('falls back to the statutory rules when neither was loaded nor shipped', () => {
    expect(effectiveYear(2027, undefined)).toEqual(provisionalYear(2027));
  });
});
