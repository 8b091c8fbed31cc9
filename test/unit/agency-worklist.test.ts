import { describe, expect, it } from 'vitest';
import { DUE_SOON_READ, makeAgencyWorklist, WORKLIST_SHOWN } from '../../shared/domain/agency-worklist.ts';
import { calendarYearsFrom } from '../../shared/domain/calendar/use-cases.ts';
import { penaltyOf, registered } from '../support/domain-mothers.ts';
import { type DomainWorld, domainWorld } from '../support/domain-world.ts';
import { fakeCalendarStore } from '../support/fakes/stores.ts';
import { AGENCY } from '../support/record-builders.ts';

// Friday 2026-12-04, 10:00 in Shanghai; the next working day is Monday 12-07.
const worklistOf = (world: DomainWorld) =>
  makeAgencyWorklist({
    records: world.records,
    workflows: world.workflows,
    calendarYears: calendarYearsFrom(fakeCalendarStore(world.table)),
    clock: world.time.clock,
  })(AGENCY);

const ids = (section: { items: readonly { id: string }[] }) => section.items.map((i) => i.id).sort();

describe('the agency worklist', () => {
  it('sorts registered records into due soon and overdue, with working days left or late', async () => {
    const world = domainWorld();
    const [lateOne, dueToday, dueMonday, fresh] = await Promise.all(
      ['2026-11-24', '2026-11-25', '2026-11-26', '2026-12-04'].map((d) => registered(world, penaltyOf(d))),
    );

    const worklist = await worklistOf(world);

    expect(worklist.today).toBe('2026-12-04');
    expect(ids(worklist.overdue)).toEqual([lateOne?.id]);
    expect(ids(worklist.dueSoon)).toEqual([dueToday?.id, dueMonday?.id].sort());
    expect(worklist.registered.count).toBe(4);
    const standing = (id: string | undefined) => worklist.registered.items.find((i) => i.id === id)?.deadline;
    expect(standing(lateOne?.id)).toEqual({ due: '2026-12-03', workingDaysLeft: -1, late: true });
    expect(standing(dueToday?.id)).toEqual({ due: '2026-12-04', workingDaysLeft: 0, late: false });
    expect(standing(dueMonday?.id)).toEqual({ due: '2026-12-07', workingDaysLeft: 1, late: false });
    expect(standing(fresh?.id)).toEqual({ due: '2026-12-15', workingDaysLeft: 7, late: false });
  });

  it(`shows at most ${WORKLIST_SHOWN} of a list and says more exist`, async () => {
    const world = domainWorld();
    for (let i = 0; i < WORKLIST_SHOWN + 1; i++) await registered(world, penaltyOf('2026-12-04'));

    const worklist = await worklistOf(world);

    expect(worklist.registered).toMatchObject({ count: WORKLIST_SHOWN, more: true });
    expect(worklist.dueSoon).toEqual({ count: 0, more: false, items: [] });
  });

  it('finds what is due soon behind a backlog of late records longer than one read', async () => {
    const world = domainWorld();
    for (let i = 0; i < DUE_SOON_READ + 5; i++) await registered(world, penaltyOf('2026-11-02'));
    const dueMonday = await registered(world, penaltyOf('2026-11-26'));

    const worklist = await worklistOf(world);

    expect(ids(worklist.dueSoon)).toEqual([dueMonday?.id]);
    expect(worklist.overdue).toMatchObject({ count: WORKLIST_SHOWN, more: true });
  });
});
