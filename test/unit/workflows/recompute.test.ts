import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/domain/audit.ts';
import { SWEEP_ACTOR } from '../../../shared/domain/deadlines/sweep.ts';
import { officialYearBody } from '../../support/calendar-builders.ts';
import {
  acceptedObjection,
  appliedForRepair,
  decidedObjection,
  objected,
  publishedPenalty,
} from '../../support/domain-mothers.ts';
import { type DomainWorld, domainWorld } from '../../support/domain-world.ts';

const OFFICE: Actor = { role: 'admin', id: 'credit-office' };
const WHY = '2027 年日历已更新（第 1 版）/ 2027 calendar loaded, version 1';

/*
 * Filed on Wednesday 2026-12-30, before the 2027 notice is out: the 3 working days run over a
 * provisional 2027 (only the statutory 1/1 off): 12/31, 1/4, 1/5. The notices loaded below
 * either give Monday 1/4 off as well, or keep the days and only make 2027 official.
 */
const FILED = '2026-12-30T10:00:00+08:00';

const notice2027WithJanuary4Off = () =>
  officialYearBody(2027, {
    holidays: [
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-01-04', name: '元旦' },
    ],
  });

async function loaded(world: DomainWorld, body: ReturnType<typeof officialYearBody>) {
  await world.calendar.loadOfficialYear(2027, body, { actor: OFFICE });
  return world.sweep('deadline-recompute');
}

describe('a calendar year loaded while an objection is open', () => {
  it('counts the objection provisionally until the year’s notice is out', async () => {
    const world = domainWorld(FILED);

    const objection = await objected(world, (await publishedPenalty(world, '2026-12-01')).id);

    expect(objection.deadline).toEqual({
      due: '2027-01-05',
      dueAt: '2027-01-06T00:00:00+08:00',
      provisional: true,
      // One working day before: the end of the working day before the due date.
      reminderAt: '2027-01-05T00:00:00+08:00',
    });
  });

  it('moves its handling deadline, telling everyone by a deadline-moved event', async () => {
    const world = domainWorld(FILED);
    const record = await publishedPenalty(world, '2026-12-01');
    const objection = await objected(world, record.id);

    const report = await loaded(world, notice2027WithJanuary4Off());

    const stored = world.table.objections.get(objection.id);
    expect(report.actions).toEqual({ recomputed: 1 });
    expect(stored?.deadline).toEqual({
      due: '2027-01-06',
      dueAt: '2027-01-07T00:00:00+08:00',
      provisional: false,
      // One working day before: the end of the working day before the due date.
      reminderAt: '2027-01-06T00:00:00+08:00',
    });
    expect(world.table.deadlines.get(`objection-due#${objection.id}`)?.dueAt).toBe(
      '2027-01-07T00:00:00+08:00',
    );
    expect(world.table.eventsOfType('deadline-moved')).toEqual([
      expect.objectContaining({
        subject: expect.objectContaining({ kind: 'objection', id: objection.id }),
        data: {
          recordId: record.id,
          from: '2027-01-06T00:00:00+08:00',
          to: '2027-01-07T00:00:00+08:00',
          why: WHY,
        },
      }),
    ]);
    expect(world.table.auditOf('objection', objection.id).at(-1)).toMatchObject({
      action: 'objection.deadline_recomputed',
      actor: SWEEP_ACTOR,
    });
  });

  it('is then escalated by the moved deadline, not the old one', async () => {
    const world = domainWorld(FILED);
    const objection = await objected(world, (await publishedPenalty(world, '2026-12-01')).id);
    await loaded(world, notice2027WithJanuary4Off());

    world.time.set('2027-01-06T09:00:00+08:00');
    const onOldDay = await world.sweep('objection-deadlines');
    world.time.set('2027-01-07T00:00:00+08:00');
    const onNewDay = await world.sweep('objection-deadlines');

    // On the old due day only the moved reminder (end of 1/5) goes out.
    expect(onOldDay.actions).toEqual({ reminded: 1 });
    expect(onNewDay.actions).toEqual({ escalated: 1 });
    expect(world.table.objections.get(objection.id)?.escalatedAt).toBe('2027-01-06T16:00:00.000Z');
  });

  it('only makes the deadline official when the notice keeps its days, with no event', async () => {
    const world = domainWorld(FILED);
    const objection = await objected(world, (await publishedPenalty(world, '2026-12-01')).id);

    const report = await loaded(world, officialYearBody(2027));

    expect(report.actions).toEqual({ recomputed: 1 });
    expect(world.table.objections.get(objection.id)?.deadline).toEqual({
      due: '2027-01-05',
      dueAt: '2027-01-06T00:00:00+08:00',
      provisional: false,
      // One working day before: the end of the working day before the due date.
      reminderAt: '2027-01-05T00:00:00+08:00',
    });
    expect(world.table.eventsOfType('deadline-moved')).toEqual([]);
    expect(world.table.auditOf('objection', objection.id).at(-1)?.action).toBe(
      'objection.deadline_recomputed',
    );
  });

  it('recounts seven working days for an objection accepted as needing another unit', async () => {
    const world = domainWorld(FILED);
    const objection = await objected(world, (await publishedPenalty(world, '2026-12-01')).id);
    const accepted = await acceptedObjection(world, objection.id, true);

    await loaded(world, notice2027WithJanuary4Off());

    // Provisional: 12/31, 1/4, 1/5, 1/6, 1/7, 1/8, 1/11. With 1/4 off: … 1/11, 1/12.
    expect(accepted.deadline).toMatchObject({ due: '2027-01-11', provisional: true });
    expect(world.table.objections.get(objection.id)?.deadline).toEqual({
      due: '2027-01-12',
      dueAt: '2027-01-13T00:00:00+08:00',
      provisional: false,
      // One working day before: the end of the working day before the due date.
      reminderAt: '2027-01-12T00:00:00+08:00',
    });
  });

  it('leaves a decided objection as it was', async () => {
    const world = domainWorld(FILED);
    const objection = await objected(world, (await publishedPenalty(world, '2026-12-01')).id);
    const decided = await decidedObjection(world, objection.id, {
      outcome: 'rejected',
      reason: '公示内容无误。',
    });

    await loaded(world, notice2027WithJanuary4Off());

    expect(world.table.objections.get(objection.id)).toEqual(decided);
    expect(world.table.eventsOfType('deadline-moved')).toEqual([]);
  });

  it('leaves a deadline the loaded year does not reach as it was', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const objection = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);

    await loaded(world, notice2027WithJanuary4Off());

    expect(world.table.objections.get(objection.id)).toEqual(objection);
  });
});

describe('a calendar year loaded while a repair application is open', () => {
  it('moves its decision deadline, with a deadline-moved event and an audit entry', async () => {
    const world = domainWorld(FILED);
    const record = await publishedPenalty(world, '2026-06-01');
    const repair = await appliedForRepair(world, record.id);
    expect(repair.deadline).toMatchObject({ due: '2027-01-05', provisional: true });

    await loaded(world, notice2027WithJanuary4Off());

    expect(world.table.repairs.get(repair.id)?.deadline).toEqual({
      due: '2027-01-06',
      dueAt: '2027-01-07T00:00:00+08:00',
      provisional: false,
      // One working day before: the end of the working day before the due date.
      reminderAt: '2027-01-06T00:00:00+08:00',
    });
    expect(world.table.eventsOfType('deadline-moved')).toEqual([
      expect.objectContaining({
        subject: expect.objectContaining({ kind: 'repair', id: repair.id }),
        data: {
          recordId: record.id,
          from: '2027-01-06T00:00:00+08:00',
          to: '2027-01-07T00:00:00+08:00',
          why: WHY,
        },
      }),
    ]);
    expect(world.table.auditOf('repair', repair.id).at(-1)?.action).toBe('repair.deadline_recomputed');
  });
});
