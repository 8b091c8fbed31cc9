import { describe, expect, it } from 'vitest';
import { provisionalYear } from '../../../shared/domain/calendar/seed.ts';
import { WorkingCalendar } from '../../../shared/domain/calendar/working-days.ts';
import { judgeRecordChange, recordChangeDeadline } from '../../../shared/domain/records/revocation.ts';
import { seeded } from '../calendar/calendar-mother.ts';

/*
 * 山东省社会信用条例 第40条 「自撤销或者变更之日起三个工作日内向公共信用信息平台报送」 and 行政处罚法
 * 第48条 「应当在三日内撤回行政处罚决定信息并公开说明理由」: the record of a revoked or changed
 * decision is withdrawn or changed within 3 working days of the revoking or changing decision
 * (its day is day 0; the period ends at 24:00 Asia/Shanghai).
 */
describe('the 3-working-day limit for withdrawing or changing a record (条例 第40条, 处罚法 第48条)', () => {
  const calendar = new WorkingCalendar([seeded(2026), provisionalYear(2027)]);

  it('skips the National Day holiday and counts the make-up Saturday 2026-10-10 as a working day', () => {
    // Decided Wed 2026-09-30; 10/1–10/7 off; Thu 10/8, Fri 10/9 and the 调休 Sat 10/10 count.
    expect(recordChangeDeadline(calendar, '2026-09-30')).toEqual({
      due: '2026-10-10',
      dueAt: '2026-10-11T00:00:00+08:00',
      provisional: false,
    });
  });

  it('crosses 2027-05-01 in the provisional year, with the made-up days of 劳动节 (放假办法 第6条)', () => {
    // Decided Thu 2027-04-29: Fri 4/30 counts; 5/1–5/2 (Sat, Sun) and their made-up days
    // Mon 5/3 and Tue 5/4 are off; Wed 5/5 and Thu 5/6 count. 2027's notice is not out: provisional.
    expect(recordChangeDeadline(calendar, '2027-04-29')).toEqual({
      due: '2027-05-06',
      dueAt: '2027-05-07T00:00:00+08:00',
      provisional: true,
    });
  });

  it('judges a change entered by 24:00 of the third working day on time', () => {
    // Decided Fri 2026-11-27: Mon 11/30, Tue 12/1, Wed 12/2.
    const judgement = judgeRecordChange(calendar, '2026-11-27', new Date('2026-12-02T23:59:59+08:00'));

    expect(judgement).toEqual({
      deadline: { due: '2026-12-02', dueAt: '2026-12-03T00:00:00+08:00', provisional: false },
      onTime: true,
      workingDaysLate: 0,
    });
  });

  it('judges a late entry late by the working days after the due day', () => {
    const justAfter = judgeRecordChange(calendar, '2026-11-27', new Date('2026-12-03T00:00:01+08:00'));
    const afterTheWeekend = judgeRecordChange(calendar, '2026-11-27', new Date('2026-12-07T09:00:00+08:00'));

    expect(justAfter).toMatchObject({ onTime: false, workingDaysLate: 1 });
    // Thu 12/3, Fri 12/4 and Mon 12/7; the weekend between does not count.
    expect(afterTheWeekend).toMatchObject({ onTime: false, workingDaysLate: 3 });
  });
});
