import { describe, expect, it } from 'vitest';
import {
  AS_AGENCY,
  AS_ENTITY,
  appliedForRepair,
  decidedRepair,
  publishedPenalty,
} from '../../support/domain-mothers.ts';
import { domainWorld } from '../../support/domain-world.ts';
import { AGENCY, COMPANY, OTHER_AGENCY, OTHER_COMPANY } from '../../support/record-builders.ts';

describe('reading and deciding one application', () => {
  it('is for its entity and the agency of its record', async () => {
    const world = domainWorld();
    const repair = await appliedForRepair(world, (await publishedPenalty(world)).id);

    expect(await world.repairs.get(AS_ENTITY, repair.id)).toEqual(repair);
    expect(await world.repairs.get(AS_AGENCY, repair.id)).toEqual(repair);
  });

  it('answers another party the same as for an application that does not exist', async () => {
    const world = domainWorld();
    const repair = await appliedForRepair(world, (await publishedPenalty(world)).id);

    for (const attempt of [
      world.repairs.get({ role: 'entity', uscc: OTHER_COMPANY }, repair.id),
      world.repairs.get({ role: 'agency', agency: OTHER_AGENCY }, repair.id),
      world.repairs.get(AS_AGENCY, 'rep_00000000000000000000000000'),
    ]) {
      await expect(attempt).rejects.toMatchObject({ code: 'repair_not_accessible' });
    }
  });

  it('may be decided by the agency of the record only, not by another agency nor by the entity', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    const repair = await appliedForRepair(world, record.id);

    const byOther = world.repairs.decide(
      OTHER_AGENCY,
      repair.id,
      { outcome: 'approved', reason: '越权' },
      { role: 'agency', id: OTHER_AGENCY },
    );
    const byEntity = world.repairs.decide(
      COMPANY,
      repair.id,
      { outcome: 'approved', reason: '自行批准' },
      { role: 'entity', id: COMPANY },
    );

    await expect(byOther).rejects.toMatchObject({ code: 'repair_not_accessible' });
    await expect(byEntity).rejects.toMatchObject({ code: 'repair_not_accessible' });
    expect(world.table.repairs.get(repair.id)?.status).toBe('pending');
    expect(world.table.records.get(record.id)?.publicationEnd).toBeUndefined();
  });
});

describe("an agency's repair applications", () => {
  it('are listed by status, the soonest due first', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const first = await appliedForRepair(world, (await publishedPenalty(world, '2026-06-01')).id);
    world.time.set('2026-12-07T10:00:00+08:00');
    const second = await appliedForRepair(world, (await publishedPenalty(world, '2026-06-02')).id);
    const approved = await appliedForRepair(world, (await publishedPenalty(world, '2026-06-03')).id);
    await decidedRepair(world, approved.id, 'approved');

    const list = (status: 'pending' | 'approved' | 'rejected') =>
      world.repairs.forAgency(AGENCY, { status, overdue: false, limit: 10 });

    expect((await list('pending')).items.map((r) => r.id)).toEqual([first.id, second.id]);
    expect((await list('approved')).items.map((r) => r.id)).toEqual([approved.id]);
    expect((await list('rejected')).items).toEqual([]);
  });

  it('with overdue, are only those past their due instant', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const late = await appliedForRepair(world, (await publishedPenalty(world, '2026-06-01')).id);
    world.time.set('2026-12-08T10:00:00+08:00');
    await appliedForRepair(world, (await publishedPenalty(world, '2026-06-02')).id);
    world.time.set('2026-12-10T09:00:00+08:00');

    const overdue = await world.repairs.forAgency(AGENCY, { status: 'pending', overdue: true, limit: 10 });

    expect(overdue.items.map((r) => r.id)).toEqual([late.id]);
  });
});

describe("an entity's repair applications", () => {
  it('are listed newest first, decided or not, and never another entity’s', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const older = await appliedForRepair(world, (await publishedPenalty(world, '2026-06-01')).id);
    await decidedRepair(world, older.id, 'rejected');
    world.time.set('2026-12-07T10:00:00+08:00');
    const newer = await appliedForRepair(world, (await publishedPenalty(world, '2026-06-02')).id);

    const mine = await world.repairs.forEntity(COMPANY, { limit: 10 });
    const theirs = await world.repairs.forEntity(OTHER_COMPANY, { limit: 10 });

    expect(mine.items.map((r) => [r.id, r.status])).toEqual([
      [newer.id, 'pending'],
      [older.id, 'rejected'],
    ]);
    expect(theirs.items).toEqual([]);
  });
});
