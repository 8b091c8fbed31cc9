import { describe, expect, it } from 'vitest';
import { type Holiday, officialYear } from '../../../shared/domain/calendar/calendar-year.ts';
import { WorkingCalendar } from '../../../shared/domain/calendar/working-days.ts';
import { handlingPeriod } from '../../../shared/domain/workflows/filing.ts';
import { officialYearBody } from '../../support/calendar-builders.ts';
import { objected, publishedPenalty } from '../../support/domain-mothers.ts';
import { domainWorld } from '../../support/domain-world.ts';

/** A 2027 working calendar from a notice built like the credit office's PUT body. */
function calendar2027(holidays: Holiday[], workdays: string[] = []): WorkingCalendar {
  const body = officialYearBody(2027, { holidays, workdays });
  return new WorkingCalendar([
    officialYear(2027, { holidays: body.holidays, workdays: body.workdays, source: body.source }),
  ]);
}

const NEW_YEAR: Holiday = { date: '2027-01-01', name: '元旦' };
/** National Day 2027: Friday 10/1 to Thursday 10/7 off, Saturday 10/9 worked instead (调休). */
const NATIONAL_DAY: Holiday[] = ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
  date: `2027-10-${d}`,
  name: '国庆节',
}));

describe('the reminder instant of a handling deadline', () => {
  it('falls at the end of the Friday before a deadline on Monday, not at the start of Monday', () => {
    // Filed Wednesday 3/3: 3/4, 3/5, then Monday 3/8 is the third working day.
    const deadline = handlingPeriod(calendar2027([NEW_YEAR]), '2027-03-03', 3);

    expect(deadline).toEqual({
      due: '2027-03-08',
      dueAt: '2027-03-09T00:00:00+08:00',
      provisional: false,
      reminderAt: '2027-03-06T00:00:00+08:00',
    });
  });

  it('counts an adjusted working Saturday (调休) after a holiday as the last day before the deadline', () => {
    // Filed Thursday 9/30: 10/1–10/7 off; 10/8, Saturday 10/9 (调休), then Monday 10/11.
    const deadline = handlingPeriod(
      calendar2027([NEW_YEAR, ...NATIONAL_DAY], ['2027-10-09']),
      '2027-09-30',
      3,
    );

    expect(deadline).toMatchObject({ due: '2027-10-11', reminderAt: '2027-10-10T00:00:00+08:00' });
  });

  it('moves with the calendar: without the 调休 Saturday both the deadline and the reminder are a day later', () => {
    const deadline = handlingPeriod(calendar2027([NEW_YEAR, ...NATIONAL_DAY]), '2027-09-30', 3);

    expect(deadline).toMatchObject({ due: '2027-10-12', reminderAt: '2027-10-12T00:00:00+08:00' });
  });

  it('reminds at the end of the sixth of seven working days when another unit must help verify', () => {
    const deadline = handlingPeriod(
      calendar2027([NEW_YEAR, ...NATIONAL_DAY], ['2027-10-09']),
      '2027-09-30',
      7,
    );

    expect(deadline).toMatchObject({ due: '2027-10-15', reminderAt: '2027-10-15T00:00:00+08:00' });
  });

  it('has no reminder for a limit of a single working day: there is no day before it to remind on', () => {
    const deadline = handlingPeriod(calendar2027([NEW_YEAR]), '2027-03-03', 1);

    expect(deadline).toEqual({ due: '2027-03-04', dueAt: '2027-03-05T00:00:00+08:00', provisional: false });
  });

  it('is stored on a new objection’s deadline, from the calendar the service has loaded', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');

    const objection = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);

    // Filed Friday 12/4: Monday 12/7, Tuesday 12/8, Wednesday 12/9.
    expect(objection.deadline).toMatchObject({
      due: '2026-12-09',
      dueAt: '2026-12-10T00:00:00+08:00',
      reminderAt: '2026-12-09T00:00:00+08:00',
    });
    expect(objection.deadline.remindedAt).toBeUndefined();
  });
});
