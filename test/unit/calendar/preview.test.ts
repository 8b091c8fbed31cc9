import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/domain/audit.ts';
import { makeCalendarPreview } from '../../../shared/domain/calendar/preview.ts';
import { InvalidInputError } from '../../../shared/domain/errors.ts';
import { officialYearBody } from '../../support/calendar-builders.ts';
import { objected, penaltyOf, publishedPenalty, registered } from '../../support/domain-mothers.ts';
import { type DomainWorld, domainWorld } from '../../support/domain-world.ts';
import { fakeCalendarStore, fakeRecomputePorts } from '../../support/fakes/stores.ts';

const OFFICE: Actor = { role: 'admin', id: 'credit-office' };

/** Monday 4 January 2027 off as well: deadlines counted over it move one working day later. */
const january4Off = () =>
  officialYearBody(2027, {
    holidays: [
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-01-04', name: '元旦' },
    ],
  });

function previewOf(world: DomainWorld) {
  return makeCalendarPreview({
    calendars: fakeCalendarStore(world.table),
    records: world.records,
    workflows: world.workflows,
    openDeadlines: fakeRecomputePorts(world.table),
  });
}

/** Everything the preview could have written to, as it stands. */
const snapshot = (world: DomainWorld) =>
  JSON.stringify([
    [...world.table.records.entries()],
    [...world.table.objections.entries()],
    [...world.table.deadlines.entries()],
    [...world.table.jobs.entries()],
    [...world.table.audit.entries()],
    world.table.events,
  ]);

describe('the preview of loading a year', () => {
  it('lists the open deadlines that would move, old due and new, and writes nothing', async () => {
    const world = domainWorld('2026-12-30T10:00:00+08:00');
    // Due 2027-01-06 (provisional): counted over 1/4, so it moves.
    const moving = await registered(world, penaltyOf('2026-12-28'));
    // Due 2026-10-15: does not depend on 2027.
    const before = await registered(world, penaltyOf('2026-09-30'));
    const objection = await objected(world, (await publishedPenalty(world, '2026-12-01')).id);
    const untouched = snapshot(world);

    const preview = await previewOf(world).preview(2027, january4Off());

    expect(preview).toEqual({
      year: 2027,
      moves: [
        {
          kind: 'objection-due',
          id: objection.id,
          agency: objection.agency,
          oldDue: objection.deadline.due,
          newDue: '2027-01-06',
        },
        {
          kind: 'disclosure-due',
          id: moving.id,
          agency: moving.authority.uscc,
          oldDue: moving.disclosure.due,
          newDue: '2027-01-08',
        },
      ].sort((a, b) => a.oldDue.localeCompare(b.oldDue)),
      total: 2,
      truncated: false,
    });
    expect(preview.moves.map((m) => m.id)).not.toContain(before.id);
    expect(snapshot(world)).toBe(untouched);
  });

  it('predicts exactly the moves that loading the year then makes', async () => {
    const world = domainWorld('2026-12-30T10:00:00+08:00');
    const a = await registered(world, penaltyOf('2026-12-28'));
    const b = await registered(world, penaltyOf('2026-12-30'));
    await registered(world, penaltyOf('2026-11-02'));

    const preview = await previewOf(world).preview(2027, january4Off());
    await world.calendar.loadOfficialYear(2027, january4Off(), { actor: OFFICE });
    await world.sweep('deadline-recompute');

    const moved = world.table.eventsOfType('deadline-moved').map((e) => e.subject.id);
    expect(preview.moves.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    expect(moved.sort()).toEqual([a.id, b.id].sort());
    for (const { id, newDue } of preview.moves) {
      expect(world.table.records.get(id)?.disclosure.due).toBe(newDue);
    }
  });

  it('lists nothing when the notice keeps every day the provisional year had', async () => {
    const world = domainWorld('2026-12-30T10:00:00+08:00');
    await registered(world, penaltyOf('2026-12-28'));

    const preview = await previewOf(world).preview(2027, officialYearBody(2027));

    expect(preview).toEqual({ year: 2027, moves: [], total: 0, truncated: false });
  });

  it('lists at most the bound and still counts every move', async () => {
    const world = domainWorld('2026-12-30T10:00:00+08:00');
    for (let n = 0; n < 3; n++) await registered(world, penaltyOf('2026-12-28'));

    const preview = await previewOf(world).preview(2027, january4Off(), { maxListed: 2 });

    expect(preview.moves).toHaveLength(2);
    expect(preview).toMatchObject({ total: 3, truncated: true });
  });

  it('stops reading at its bound of examined deadlines, marked truncated', async () => {
    const world = domainWorld('2026-12-30T10:00:00+08:00');
    for (let n = 0; n < 3; n++) await registered(world, penaltyOf('2026-12-28'));

    const preview = await previewOf(world).preview(2027, january4Off(), { maxExamined: 1 });

    expect(preview).toMatchObject({ total: 1, truncated: true });
  });

  it('refuses a notice exactly as loading it would', async () => {
    const world = domainWorld('2026-12-30T10:00:00+08:00');
    const bad = officialYearBody(2027, { workdays: ['2027-01-05'] });

    const refused = await previewOf(world)
      .preview(2027, bad)
      .catch((e: unknown) => e);
    const alsoRefused = await world.calendar
      .loadOfficialYear(2027, bad, { actor: OFFICE })
      .catch((e: unknown) => e);

    expect(refused).toBeInstanceOf(InvalidInputError);
    expect(refused).toMatchObject({ code: 'workday_not_weekend', field: 'workdays[0]' });
    expect(alsoRefused).toMatchObject({ code: 'workday_not_weekend', field: 'workdays[0]' });
  });
});
