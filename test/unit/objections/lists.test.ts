import { describe, expect, it } from 'vitest';
import {
  AS_AGENCY,
  AS_ENTITY,
  decidedObjection,
  objected,
  publishedPenalty,
} from '../../support/domain-mothers.ts';
import { domainWorld } from '../../support/domain-world.ts';
import { AGENCY, COMPANY, OTHER_AGENCY, OTHER_COMPANY } from '../../support/record-builders.ts';

describe("an agency's objections", () => {
  it('are listed by status, the soonest due first', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const first = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);
    world.time.set('2026-12-07T10:00:00+08:00');
    const second = await objected(world, (await publishedPenalty(world, '2026-11-03')).id);
    const decided = await objected(world, (await publishedPenalty(world, '2026-11-04')).id);
    await decidedObjection(world, decided.id, { outcome: 'rejected', reason: '公示内容无误。' });

    const pending = await world.objections.forAgency(AGENCY, {
      status: 'pending',
      overdue: false,
      limit: 10,
    });
    const done = await world.objections.forAgency(AGENCY, { status: 'decided', overdue: false, limit: 10 });

    expect(pending.items.map((o) => o.id)).toEqual([first.id, second.id]);
    expect(done.items.map((o) => o.id)).toEqual([decided.id]);
  });

  it('with overdue, are only those past their due instant', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const late = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);
    world.time.set('2026-12-08T10:00:00+08:00');
    await objected(world, (await publishedPenalty(world, '2026-11-03')).id);
    world.time.set('2026-12-09T23:59:59+08:00');
    const beforeDue = await world.objections.forAgency(AGENCY, {
      status: 'pending',
      overdue: true,
      limit: 10,
    });
    world.time.set('2026-12-10T00:00:01+08:00');

    const overdue = await world.objections.forAgency(AGENCY, { status: 'pending', overdue: true, limit: 10 });

    expect(late.deadline.dueAt).toBe('2026-12-10T00:00:00+08:00');
    expect(beforeDue.items).toEqual([]);
    expect(overdue.items.map((o) => o.id)).toEqual([late.id]);
  });

  it('page through a cursor', async () => {
    const world = domainWorld();
    for (const date of ['2026-11-02', '2026-11-03', '2026-11-04']) {
      await objected(world, (await publishedPenalty(world, date)).id);
    }

    const first = await world.objections.forAgency(AGENCY, { status: 'pending', overdue: false, limit: 2 });
    const rest = await world.objections.forAgency(AGENCY, {
      status: 'pending',
      overdue: false,
      limit: 2,
      cursor: first.cursor,
    });

    expect(first.items).toHaveLength(2);
    expect(rest).toMatchObject({ items: [expect.anything()], cursor: undefined });
  });

  it('do not include another agency’s', async () => {
    const world = domainWorld();
    await objected(world, (await publishedPenalty(world, '2026-11-02')).id);

    const theirs = await world.objections.forAgency(OTHER_AGENCY, {
      status: 'pending',
      overdue: false,
      limit: 10,
    });

    expect(theirs.items).toEqual([]);
  });
});

describe("an entity's objections", () => {
  it('are listed newest first, decided or not', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const older = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);
    await decidedObjection(world, older.id, { outcome: 'rejected', reason: '公示内容无误。' });
    world.time.set('2026-12-07T10:00:00+08:00');
    const newer = await objected(world, (await publishedPenalty(world, '2026-11-03')).id);

    const mine = await world.objections.forEntity(COMPANY, { limit: 10 });
    const theirs = await world.objections.forEntity(OTHER_COMPANY, { limit: 10 });

    expect(mine.items.map((o) => [o.id, o.status])).toEqual([
      [newer.id, 'pending'],
      [older.id, 'decided'],
    ]);
    expect(theirs.items).toEqual([]);
  });

  it('keep what the record said when the objection was filed', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');

    const objection = await objected(world, record.id);

    expect(objection.record).toEqual({
      kind: 'penalty',
      documentNumber: record.content.documentNumber,
      decisionDate: '2026-11-02',
      subjectName: record.content.subject.name,
    });
  });
});

describe('reading one objection', () => {
  it('is for its entity and the agency of its record', async () => {
    const world = domainWorld();
    const objection = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);

    const byEntity = await world.objections.get(AS_ENTITY, objection.id);
    const byAgency = await world.objections.get(AS_AGENCY, objection.id);

    expect(byEntity).toEqual(objection);
    expect(byAgency).toEqual(objection);
  });

  it('answers another party the same as for an objection that does not exist', async () => {
    const world = domainWorld();
    const objection = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);

    for (const attempt of [
      world.objections.get({ role: 'entity', uscc: OTHER_COMPANY }, objection.id),
      world.objections.get({ role: 'agency', agency: OTHER_AGENCY }, objection.id),
      world.objections.get(AS_ENTITY, 'obj_00000000000000000000000000'),
    ]) {
      await expect(attempt).rejects.toMatchObject({ code: 'objection_not_accessible' });
    }
  });
});
