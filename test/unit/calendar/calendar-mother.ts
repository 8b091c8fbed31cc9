import type { CalendarSource, CalendarYear, Holiday } from '../../../shared/domain/calendar/calendar-year.ts';
import { seededOfficialYear } from '../../../shared/domain/calendar/seed.ts';
import { WorkingCalendar } from '../../../shared/domain/calendar/working-days.ts';
import type { IsoDate } from '../../../shared/domain/dates.ts';

/** The notice for `year` as shipped with the service; fails the test when the seed lacks it. */
export function seeded(year: number): CalendarYear {
  const found = seededOfficialYear(year);
  if (!found) throw new Error(`the seed has no calendar for ${year}`);
  return found;
}

/** A working calendar over the shipped notices of `years`. */
export function seededCalendar(...years: number[]): WorkingCalendar {
  return new WorkingCalendar(years.map(seeded));
}

export interface NoticeInput {
  holidays: Holiday[];
  workdays: IsoDate[];
  source: CalendarSource;
}

export const holiday = (date: IsoDate, name = '节日'): Holiday => ({ date, name });

/** A small valid notice for `year`, to be varied one field at a time. */
export function noticeFor(year: number, change: Partial<NoticeInput> = {}): NoticeInput {
  return {
    holidays: [holiday(`${year}-01-01`, '元旦'), holiday(`${year}-10-01`, '国庆节')],
    workdays: [],
    source: {
      title: `国务院办公厅关于${year}年部分节假日安排的通知`,
      urls: ['https://www.gov.cn/zhengce/'],
    },
    ...change,
  };
}
