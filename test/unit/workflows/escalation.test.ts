import { describe, expect, it } from 'vitest';
import { SWEEP_ACTOR } from '../../../shared/domain/deadlines/sweep.ts';
import {
  acceptedObjection,
  appliedForRepair,
  decidedObjection,
  decidedRepair,
  objected,
  publishedPenalty,
} from '../../support/domain-mothers.ts';
import { domainWorld } from '../../support/domain-world.ts';
import { AGENCY, COMPANY } from '../../support/record-builders.ts';

/*
 * Filed on Friday 2026-12-04, an objection or a repair application is due by the end of
 * Wednesday 12/9 (3 working days): at 2026-12-10T00:00:00+08:00 it is escalated.
 */
const DUE_AT = '2026-12-10T00:00:00+08:00';

describe('an objection not handled in time', () => {
  it('is left alone until its due instant', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const objection = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);
    world.time.set('2026-12-09T23:59:59+08:00');

    const report = await world.sweep('objection-deadlines');

    // Only its reminder went out (due at the end of Tuesday 12/8): workflows/reminders.test.ts.
    expect(report.actions).toEqual({ reminded: 1 });
    expect(world.table.objections.get(objection.id)?.escalatedAt).toBeUndefined();
  });

  it('is escalated at its due instant: marked, listed for the credit office, and an event written', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);
    world.time.set(DUE_AT);

    const report = await world.sweep('objection-deadlines');

    const stored = world.table.objections.get(objection.id);
    expect(report.actions).toEqual({ escalated: 1 });
    expect(stored).toMatchObject({ status: 'pending', escalatedAt: '2026-12-09T16:00:00.000Z' });
    expect((await world.workflows.escalated('objection', { limit: 10 })).items).toEqual([stored]);
    expect(world.table.eventsOfType('objection-escalated')).toEqual([
      expect.objectContaining({
        at: '2026-12-09T16:00:00.000Z',
        subject: { kind: 'objection', id: objection.id, agency: AGENCY, entity: COMPANY },
        data: { recordId: record.id, dueAt: DUE_AT },
      }),
    ]);
    expect(world.table.auditOf('objection', objection.id).at(-1)).toMatchObject({
      action: 'objection.escalated',
      actor: SWEEP_ACTOR,
    });
  });

  it('is escalated only once, however often the sweep runs', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    await objected(world, (await publishedPenalty(world, '2026-11-02')).id);
    world.time.set('2026-12-10T09:00:00+08:00');
    await world.sweep('objection-deadlines');

    world.time.set('2026-12-11T09:00:00+08:00');
    const again = await world.sweep('objection-deadlines');

    expect(again.actions).toEqual({});
    expect(world.table.eventsOfType('objection-escalated')).toHaveLength(1);
  });

  it('is escalated once when two sweeps run at the same moment', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    await objected(world, (await publishedPenalty(world, '2026-11-02')).id);
    world.time.set('2026-12-10T09:00:00+08:00');

    await Promise.all([world.sweep('objection-deadlines'), world.sweep('objection-deadlines')]);

    expect(world.table.eventsOfType('objection-escalated')).toHaveLength(1);
    expect(world.table.deadLetters).toEqual([]);
  });

  it('leaves the credit office’s list once the agency decides it, late as it is', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const objection = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);
    world.time.set('2026-12-10T09:00:00+08:00');
    await world.sweep('objection-deadlines');

    const decided = await decidedObjection(world, objection.id, {
      outcome: 'rejected',
      reason: '公示内容无误。',
    });

    expect(decided.escalatedAt).toBe('2026-12-10T01:00:00.000Z');
    expect((await world.workflows.escalated('objection', { limit: 10 })).items).toEqual([]);
  });

  it('is never escalated once decided in time', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const objection = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);
    world.time.set('2026-12-09T17:00:00+08:00');
    await decidedObjection(world, objection.id, { outcome: 'rejected', reason: '公示内容无误。' });
    world.time.set('2026-12-10T09:00:00+08:00');

    const report = await world.sweep('objection-deadlines');

    expect(report.actions).toEqual({});
    expect(world.table.objections.get(objection.id)?.escalatedAt).toBeUndefined();
    expect(world.table.eventsOfType('objection-escalated')).toEqual([]);
  });
});

describe('an objection accepted as needing another unit', () => {
  it('is not escalated between its third and seventh working day, and is at the end of the seventh', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const objection = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);
    await acceptedObjection(world, objection.id, true);

    world.time.set('2026-12-11T09:00:00+08:00');
    const midway = await world.sweep('objection-deadlines');
    // 12/7, 12/8, 12/9, 12/10, 12/11, 12/14, 12/15: due by the end of Tuesday 12/15.
    world.time.set('2026-12-16T00:00:00+08:00');
    const due = await world.sweep('objection-deadlines');

    expect(midway.actions).toEqual({});
    expect(due.actions).toEqual({ escalated: 1 });
    expect(world.table.eventsOfType('objection-escalated')[0]?.data).toMatchObject({
      dueAt: '2026-12-16T00:00:00+08:00',
    });
  });

  it('accepted as not needing one keeps its three working days', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const objection = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);
    await acceptedObjection(world, objection.id, false);
    world.time.set(DUE_AT);

    const report = await world.sweep('objection-deadlines');

    expect(report.actions).toEqual({ escalated: 1 });
  });
});

describe('a repair application not decided in time', () => {
  it('is left alone until its due instant', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    await appliedForRepair(world, (await publishedPenalty(world)).id);
    world.time.set('2026-12-09T23:59:59+08:00');

    const report = await world.sweep('repair-deadlines');

    // Only its reminder went out (due at the end of Tuesday 12/8).
    expect(report.actions).toEqual({ reminded: 1 });
  });

  it('is escalated at its due instant: marked, listed for the credit office, and an event written', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const record = await publishedPenalty(world);
    const repair = await appliedForRepair(world, record.id);
    world.time.set(DUE_AT);

    const report = await world.sweep('repair-deadlines');

    const stored = world.table.repairs.get(repair.id);
    expect(report.actions).toEqual({ escalated: 1 });
    expect(stored).toMatchObject({ status: 'pending', escalatedAt: '2026-12-09T16:00:00.000Z' });
    expect((await world.workflows.escalated('repair', { limit: 10 })).items).toEqual([stored]);
    expect((await world.workflows.escalated('objection', { limit: 10 })).items).toEqual([]);
    expect(world.table.eventsOfType('repair-escalated')).toEqual([
      expect.objectContaining({
        subject: { kind: 'repair', id: repair.id, agency: AGENCY, entity: COMPANY },
        data: { recordId: record.id, dueAt: DUE_AT },
      }),
    ]);
    expect(world.table.auditOf('repair', repair.id).at(-1)).toMatchObject({
      action: 'repair.escalated',
      actor: SWEEP_ACTOR,
    });
  });

  it('is escalated only once, however often the sweep runs', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    await appliedForRepair(world, (await publishedPenalty(world)).id);
    world.time.set('2026-12-10T09:00:00+08:00');
    await world.sweep('repair-deadlines');

    const again = await world.sweep('repair-deadlines');

    expect(again.actions).toEqual({});
    expect(world.table.eventsOfType('repair-escalated')).toHaveLength(1);
  });

  it('leaves the credit office’s list once the agency decides it', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const repair = await appliedForRepair(world, (await publishedPenalty(world)).id);
    world.time.set('2026-12-10T09:00:00+08:00');
    await world.sweep('repair-deadlines');

    await decidedRepair(world, repair.id, 'approved');

    expect((await world.workflows.escalated('repair', { limit: 10 })).items).toEqual([]);
  });

  it('is never escalated once decided in time', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const repair = await appliedForRepair(world, (await publishedPenalty(world)).id);
    await decidedRepair(world, repair.id, 'rejected');
    world.time.set('2026-12-10T09:00:00+08:00');

    const report = await world.sweep('repair-deadlines');

    expect(report.actions).toEqual({});
    expect(world.table.eventsOfType('repair-escalated')).toEqual([]);
  });
});

describe('each sweep', () => {
  it('escalates only its own kind of filing', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const record = await publishedPenalty(world);
    await objected(world, record.id);
    await appliedForRepair(world, record.id);
    world.time.set('2026-12-10T09:00:00+08:00');

    const objections = await world.sweep('objection-deadlines');

    expect(objections.actions).toEqual({ escalated: 1 });
    expect(world.table.eventsOfType('repair-escalated')).toEqual([]);
    expect((await world.sweep('repair-deadlines')).actions).toEqual({ escalated: 1 });
  });
});
