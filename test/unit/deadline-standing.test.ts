import { describe, expect, it } from 'vitest';
import { deadlineStanding } from '../../shared/domain/deadlines/days-left.ts';
import { seededCalendar } from './calendar/calendar-mother.ts';

// 2026: 中秋 09-25..27, 国庆 10-01..07, 调休 working Saturday 10-10.
const calendar = seededCalendar(2026);

describe('deadlineStanding', () => {
  it('counts only working days left, skipping the National Day holiday', () => {
    expect(deadlineStanding(calendar, '2026-09-30', '2026-10-09')).toEqual({
      due: '2026-10-09',
      workingDaysLeft: 2,
      late: false,
    });
  });

  it('says 0 working days left and not late on the day it falls due', () => {
    expect(deadlineStanding(calendar, '2026-10-09', '2026-10-09')).toEqual({
      due: '2026-10-09',
      workingDaysLeft: 0,
      late: false,
    });
  });

  it('counts a 调休 working Saturday among the days late', () => {
    expect(deadlineStanding(calendar, '2026-10-12', '2026-10-09')).toEqual({
      due: '2026-10-09',
      workingDaysLeft: -2,
      late: true,
    });
  });

  it('is late by 0 working days when only holidays have passed since the due day', () => {
    const standing = deadlineStanding(calendar, '2026-10-04', '2026-09-30');
    expect(standing.late).toBe(true);
    expect(Object.is(standing.workingDaysLeft, 0)).toBe(true);
  });

  it('does not count the weekend before a Monday deadline', () => {
    expect(deadlineStanding(calendar, '2026-11-13', '2026-11-16').workingDaysLeft).toBe(1);
  });
});
