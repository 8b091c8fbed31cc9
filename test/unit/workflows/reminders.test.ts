import { describe, expect, it } from 'vitest';
import { calendarYearsFrom } from '../../../shared/domain/calendar/use-cases.ts';
import { type DueDeadline, kindsOf } from '../../../shared/domain/deadlines/kinds.ts';
import { SWEEP_ACTOR } from '../../../shared/domain/deadlines/sweep.ts';
import { makeWorkflowDeadlineHandlers } from '../../../shared/domain/workflows/deadline-handlers.ts';
import {
  filingDeadlines,
  movedDeadline,
  replacedDeadline,
} from '../../../shared/domain/workflows/deadlines.ts';
import type { Filing } from '../../../shared/domain/workflows/filing.ts';
import type { WorkflowKind } from '../../../shared/domain/workflows/party.ts';
import { objectionView, repairView } from '../../../shared/domain/workflows/views.ts';
import { officialYearBody } from '../../support/calendar-builders.ts';
import {
  appliedForRepair,
  decidedObjection,
  decidedRepair,
  objected,
  publishedPenalty,
} from '../../support/domain-mothers.ts';
import { type DomainWorld, domainWorld } from '../../support/domain-world.ts';
import { fakeCalendarStore } from '../../support/fakes/stores.ts';
import { AGENCY, COMPANY } from '../../support/record-builders.ts';

/*
 * Filed on Friday 2026-12-04, an objection or a repair application is due by the end of
 * Wednesday 12/9 (3 working days); its agency is reminded at the end of Tuesday 12/8.
 */
const FILED = '2026-12-04T10:00:00+08:00';
const REMINDER_AT = '2026-12-09T00:00:00+08:00';
const DUE_AT = '2026-12-10T00:00:00+08:00';

/** The workflow timers on the world's fakes, called as the sweep calls them. */
function timers(world: DomainWorld) {
  const calendarYears = calendarYearsFrom(fakeCalendarStore(world.table));
  return makeWorkflowDeadlineHandlers({ workflows: world.workflows, calendarYears }).handlers;
}

/** The reminder's index entry as the store derives it (shared/store/workflow-items.ts). */
function reminderEntry(kind: WorkflowKind, filing: Filing & { status: string }): DueDeadline {
  const open = filingDeadlines(kind, filing).find((d) => d.kind === `${kind}-reminder`);
  if (!open) throw new Error(`the ${kind} has no reminder open`);
  return { ...open, subjectId: filing.id };
}

const at = (instant: string) => new Date(instant);

describe('the reminder of an objection’s handling deadline', () => {
  it('is sent at its instant: remindedAt, an audit entry and one reminder event, written together', async () => {
    const world = domainWorld(FILED);
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    const action = await timers(world)['objection-reminder'](
      reminderEntry('objection', objection),
      at(REMINDER_AT),
    );

    const stored = world.table.objections.get(objection.id);
    expect(action).toBe('reminded');
    expect(stored?.deadline).toMatchObject({
      reminderAt: REMINDER_AT,
      remindedAt: '2026-12-08T16:00:00.000Z',
    });
    expect(world.table.eventsOfType('reminder')).toEqual([
      {
        id: `${objection.id}.2.reminder`,
        type: 'reminder',
        at: '2026-12-08T16:00:00.000Z',
        subject: { kind: 'objection', id: objection.id, agency: AGENCY, entity: COMPANY },
        data: { recordId: record.id, dueAt: DUE_AT, due: '2026-12-09' },
      },
    ]);
    expect(world.table.auditOf('objection', objection.id).at(-1)).toMatchObject({
      action: 'objection.reminded',
      actor: SWEEP_ACTOR,
    });
    expect(filingDeadlines('objection', stored as NonNullable<typeof stored>)).toEqual([
      { kind: 'objection-due', dueAt: DUE_AT },
    ]);
  });

  it('is sent once when the sweep runs twice', async () => {
    const world = domainWorld(FILED);
    const objection = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);
    const entry = reminderEntry('objection', objection);
    const handler = timers(world)['objection-reminder'];

    const first = await handler(entry, at(REMINDER_AT));
    const second = await handler(entry, at('2026-12-09T09:00:00+08:00'));

    expect([first, second]).toEqual(['reminded', 'stale']);
    expect(world.table.eventsOfType('reminder')).toHaveLength(1);
  });

  it('is sent once when two sweeps run at the same moment: the second loses the race', async () => {
    const world = domainWorld(FILED);
    const objection = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);
    const entry = reminderEntry('objection', objection);
    const handler = timers(world)['objection-reminder'];

    const runs = await Promise.allSettled([handler(entry, at(REMINDER_AT)), handler(entry, at(REMINDER_AT))]);

    expect(runs.filter((run) => run.status === 'fulfilled')).toHaveLength(1);
    expect(world.table.eventsOfType('reminder')).toHaveLength(1);
  });

  it('waits until its instant', async () => {
    const world = domainWorld(FILED);
    const objection = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);
    const writes = world.table.writes;

    const action = await timers(world)['objection-reminder'](
      reminderEntry('objection', objection),
      at('2026-12-08T23:59:59+08:00'),
    );

    expect(action).toBe('not-due');
    expect(world.table.writes).toBe(writes);
  });

  it('is not sent for an objection decided before its instant', async () => {
    const world = domainWorld(FILED);
    const objection = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);
    const entry = reminderEntry('objection', objection);
    const decided = await decidedObjection(world, objection.id, {
      outcome: 'rejected',
      reason: '公示内容无误。',
    });

    const action = await timers(world)['objection-reminder'](entry, at(REMINDER_AT));

    expect(filingDeadlines('objection', decided)).toEqual([]);
    expect(action).toBe('stale');
    expect(world.table.eventsOfType('reminder')).toEqual([]);
  });

  it('is not sent for an objection already escalated: the sweep handles the due kind first', async () => {
    const world = domainWorld(FILED);
    const objection = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);
    const entry = reminderEntry('objection', objection);
    world.time.set(DUE_AT);
    await world.sweep('objection-deadlines');

    const action = await timers(world)['objection-reminder'](entry, at(DUE_AT));

    expect(kindsOf('objection-deadlines')).toEqual(['objection-due', 'objection-reminder']);
    expect(world.table.objections.get(objection.id)?.escalatedAt).toBeDefined();
    expect(action).toBe('stale');
    expect(world.table.eventsOfType('reminder')).toEqual([]);
  });

  it('is not sent for an objection stored before reminders existed (its deadline has no reminderAt)', async () => {
    const world = domainWorld(FILED);
    const objection = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);
    const { reminderAt: _none, ...legacyDeadline } = objection.deadline;
    const legacy = { ...objection, deadline: legacyDeadline };
    world.table.objections.set(objection.id, legacy);

    const action = await timers(world)['objection-reminder'](
      { kind: 'objection-reminder', dueAt: REMINDER_AT, subjectId: objection.id },
      at(REMINDER_AT),
    );

    expect(filingDeadlines('objection', legacy)).toEqual([{ kind: 'objection-due', dueAt: DUE_AT }]);
    expect(action).toBe('stale');
  });
});

describe('the reminder in answers', () => {
  it('stays inside: filings are answered with the deadline the response schema declares', async () => {
    const world = domainWorld(FILED);
    const record = await publishedPenalty(world);
    const objection = await objected(world, record.id);
    const repair = await appliedForRepair(world, record.id);
    const declared = { due: '2026-12-09', dueAt: DUE_AT, provisional: false };

    expect(objection.deadline.reminderAt).toBe(REMINDER_AT);
    expect(objectionView(objection).deadline).toEqual(declared);
    expect(repairView(repair).deadline).toEqual(declared);
  });
});

describe('the reminder of a repair application’s deadline', () => {
  it('is sent once, however often the sweep runs, with the repair’s own kind and audit action', async () => {
    const world = domainWorld(FILED);
    const record = await publishedPenalty(world);
    const repair = await appliedForRepair(world, record.id);
    const entry = reminderEntry('repair', repair);
    const handler = timers(world)['repair-reminder'];

    const first = await handler(entry, at(REMINDER_AT));
    const second = await handler(entry, at(REMINDER_AT));

    expect([first, second]).toEqual(['reminded', 'stale']);
    expect(world.table.eventsOfType('reminder')).toEqual([
      expect.objectContaining({
        subject: { kind: 'repair', id: repair.id, agency: AGENCY, entity: COMPANY },
        data: { recordId: record.id, dueAt: DUE_AT, due: '2026-12-09' },
      }),
    ]);
    expect(world.table.auditOf('repair', repair.id).at(-1)?.action).toBe('repair.reminded');
    expect(kindsOf('repair-deadlines')).toEqual(['repair-due', 'repair-reminder']);
  });

  it('is not sent for an application decided before its instant', async () => {
    const world = domainWorld(FILED);
    const repair = await appliedForRepair(world, (await publishedPenalty(world)).id);
    const entry = reminderEntry('repair', repair);
    await decidedRepair(world, repair.id, 'approved');

    const action = await timers(world)['repair-reminder'](entry, at(REMINDER_AT));

    expect(action).toBe('stale');
    expect(world.table.eventsOfType('reminder')).toEqual([]);
  });
});

describe('a calendar year loaded while a reminder is open', () => {
  /*
   * Filed Wednesday 2026-12-30 over a provisional 2027: due by the end of 1/5, reminded at the
   * end of 1/4. A notice giving Monday 1/4 off moves both by a working day.
   */
  const FILED_AT_YEAR_END = '2026-12-30T10:00:00+08:00';
  const withJanuary4Off = () =>
    officialYearBody(2027, {
      holidays: [
        { date: '2027-01-01', name: '元旦' },
        { date: '2027-01-04', name: '元旦' },
      ],
    });

  async function loaded(world: DomainWorld) {
    await world.calendar.loadOfficialYear(2027, withJanuary4Off(), {
      actor: { role: 'admin', id: 'office' },
    });
    return world.sweep('deadline-recompute');
  }

  it('moves the reminder together with the deadline', async () => {
    const world = domainWorld(FILED_AT_YEAR_END);
    const objection = await objected(world, (await publishedPenalty(world, '2026-12-01')).id);
    expect(objection.deadline).toMatchObject({ reminderAt: '2027-01-05T00:00:00+08:00', provisional: true });

    await loaded(world);

    expect(world.table.objections.get(objection.id)?.deadline).toEqual({
      due: '2027-01-06',
      dueAt: '2027-01-07T00:00:00+08:00',
      provisional: false,
      reminderAt: '2027-01-06T00:00:00+08:00',
    });
  });

  it('keeps a reminder already sent as sent', async () => {
    const world = domainWorld(FILED_AT_YEAR_END);
    const objection = await objected(world, (await publishedPenalty(world, '2026-12-01')).id);
    await timers(world)['objection-reminder'](
      reminderEntry('objection', objection),
      at('2027-01-05T00:00:00+08:00'),
    );
    world.time.set('2027-01-05T08:00:00+08:00');

    await loaded(world);

    const stored = world.table.objections.get(objection.id);
    expect(stored?.deadline).toMatchObject({
      dueAt: '2027-01-07T00:00:00+08:00',
      remindedAt: '2027-01-04T16:00:00.000Z',
    });
    expect(filingDeadlines('objection', stored as NonNullable<typeof stored>)).toEqual([
      { kind: 'objection-due', dueAt: '2027-01-07T00:00:00+08:00' },
    ]);
  });

  it('gives no reminder to an objection stored before reminders existed', async () => {
    const world = domainWorld(FILED_AT_YEAR_END);
    const objection = await objected(world, (await publishedPenalty(world, '2026-12-01')).id);
    const { reminderAt: _none, ...legacyDeadline } = objection.deadline;
    world.table.objections.set(objection.id, { ...objection, deadline: legacyDeadline });

    await loaded(world);

    expect(world.table.objections.get(objection.id)?.deadline).toEqual({
      due: '2027-01-06',
      dueAt: '2027-01-07T00:00:00+08:00',
      provisional: false,
    });
  });
});

describe('a deadline replaced', () => {
  const sent = {
    due: '2026-12-09',
    dueAt: DUE_AT,
    provisional: false,
    reminderAt: REMINDER_AT,
    remindedAt: '2026-12-08T16:00:00.000Z',
  };
  const { remindedAt: _sent, ...same } = sent;
  const later = {
    due: '2026-12-14',
    dueAt: '2026-12-15T00:00:00+08:00',
    provisional: false,
    reminderAt: '2026-12-14T00:00:00+08:00',
  };

  it('on acceptance keeps a reminder sent for the same deadline as sent', () => {
    expect(replacedDeadline(sent, same)).toEqual(sent);
  });

  it('on acceptance gives a new, later deadline a reminder of its own', () => {
    expect(replacedDeadline(sent, later)).toEqual(later);
  });

  it('by the calendar keeps a sent reminder sent even when the deadline moves', () => {
    expect(movedDeadline(sent, later)).toEqual({ ...later, remindedAt: sent.remindedAt });
  });
});
