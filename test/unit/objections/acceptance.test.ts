import { describe, expect, it } from 'vitest';
import {
  acceptedObjection,
  decidedObjection,
  objected,
  publishedPenalty,
} from '../../support/domain-mothers.ts';
import { AGENCY_ACTOR, domainWorld } from '../../support/domain-world.ts';
import { COMPANY, OTHER_AGENCY } from '../../support/record-builders.ts';

describe('accepting an objection', () => {
  it('gives seven working days from the day of filing when another unit must help verify', async () => {
    const world = domainWorld('2026-09-30T10:00:00+08:00');
    const record = await publishedPenalty(world, '2026-09-28');
    const objection = await objected(world, record.id);
    world.time.set('2026-10-09T09:00:00+08:00');

    const accepted = await acceptedObjection(world, objection.id, true);

    // Counted from 9/30, not from the acceptance: 10/8, 10/9, 10/10 (调休), 10/12, 10/13, 10/14, 10/15.
    expect(accepted).toMatchObject({
      needsOtherUnit: true,
      acceptedAt: '2026-10-09T01:00:00.000Z',
      deadline: { due: '2026-10-15', dueAt: '2026-10-16T00:00:00+08:00', provisional: false },
    });
    expect(world.table.deadlines.get(`objection-due#${objection.id}`)?.dueAt).toBe(
      '2026-10-16T00:00:00+08:00',
    );
  });

  it('keeps three working days from the day of filing when the agency verifies alone', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);
    world.time.set('2026-12-08T09:00:00+08:00');

    const accepted = await acceptedObjection(world, objection.id, false);

    expect(accepted).toMatchObject({ needsOtherUnit: false, deadline: objection.deadline });
    expect(accepted.deadline.dueAt).toBe('2026-12-10T00:00:00+08:00');
  });

  it('does not remind the agency twice when it accepts after the reminder, keeping three working days', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const objection = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);
    world.time.set('2026-12-09T00:00:00+08:00');
    const reminded = await world.sweep('objection-deadlines');
    world.time.set('2026-12-09T09:00:00+08:00');

    await acceptedObjection(world, objection.id, false);
    const again = await world.sweep('objection-deadlines');

    expect(reminded.actions).toEqual({ reminded: 1 });
    expect(again.actions).toEqual({});
    expect(world.table.eventsOfType('reminder')).toHaveLength(1);
  });

  it('reminds the agency of the seven working days it accepted, one working day before them', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const objection = await objected(world, (await publishedPenalty(world, '2026-11-02')).id);
    world.time.set('2026-12-09T00:00:00+08:00');
    await world.sweep('objection-deadlines');
    world.time.set('2026-12-09T09:00:00+08:00');

    const accepted = await acceptedObjection(world, objection.id, true);
    // 12/7 … 12/15: due by the end of Tuesday 12/15, reminded at the end of Monday 12/14.
    world.time.set('2026-12-15T00:00:00+08:00');
    const due = await world.sweep('objection-deadlines');

    expect(accepted.deadline).toMatchObject({ reminderAt: '2026-12-15T00:00:00+08:00' });
    expect(accepted.deadline.remindedAt).toBeUndefined();
    expect(due.actions).toEqual({ reminded: 1 });
    expect(world.table.eventsOfType('reminder').map((e) => e.data.dueAt)).toEqual([
      '2026-12-10T00:00:00+08:00',
      '2026-12-16T00:00:00+08:00',
    ]);
  });

  it('writes an objection.accepted audit entry and tells the filer by an objection-accepted event', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    const accepted = await acceptedObjection(world, objection.id, true);

    expect(world.table.auditOf('objection', objection.id).map((e) => [e.action, e.actor])).toEqual([
      ['objection.filed', { role: 'entity', id: COMPANY }],
      ['objection.accepted', AGENCY_ACTOR],
    ]);
    expect(accepted.revision).toBe(2);
    expect(world.table.events.map((e) => e.type)).toEqual([
      'record-published',
      'objection-filed',
      'objection-accepted',
    ]);
    const told = world.table.events.at(-1);
    expect(told?.data.dueAt).toBe(accepted.deadline.dueAt);
  });

  it('is refused a second time, keeping the first limit', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);
    const first = await acceptedObjection(world, objection.id, true);

    const again = acceptedObjection(world, objection.id, false);

    await expect(again).rejects.toMatchObject({ code: 'objection_already_accepted' });
    expect(world.table.objections.get(objection.id)).toMatchObject({
      needsOtherUnit: true,
      deadline: first.deadline,
    });
  });

  it('is refused once the objection has been decided', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);
    await decidedObjection(world, objection.id, { outcome: 'rejected', reason: '公示内容无误。' });

    await expect(acceptedObjection(world, objection.id, true)).rejects.toMatchObject({
      code: 'objection_already_decided',
    });
  });

  it('after the objection was escalated keeps the escalation, and opens no deadline to escalate again', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);
    world.time.set('2026-12-10T09:00:00+08:00');
    await world.sweep('objection-deadlines');

    const accepted = await acceptedObjection(world, objection.id, true);
    world.time.set('2026-12-16T09:00:00+08:00');
    const later = await world.sweep('objection-deadlines');

    expect(accepted).toMatchObject({
      escalatedAt: '2026-12-10T01:00:00.000Z',
      deadline: { dueAt: '2026-12-16T00:00:00+08:00' },
    });
    expect(later.actions).toEqual({});
    expect(world.table.eventsOfType('objection-escalated')).toHaveLength(1);
  });
});

describe('who may accept an objection', () => {
  it('is only the agency of the record: another agency gets the answer a missing objection gets', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    const other = world.objections.accept(OTHER_AGENCY, objection.id, true, {
      role: 'agency',
      id: OTHER_AGENCY,
    });
    const none = acceptedObjection(world, 'obj_00000000000000000000000000', true);

    await expect(other).rejects.toMatchObject({ code: 'objection_not_accessible' });
    await expect(none).rejects.toMatchObject({ code: 'objection_not_accessible' });
    expect(world.table.objections.get(objection.id)?.acceptedAt).toBeUndefined();
  });

  it('is not the entity that filed it: its USCC is not the agency of the objection', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    const byEntity = world.objections.accept(COMPANY, objection.id, false, { role: 'entity', id: COMPANY });

    await expect(byEntity).rejects.toMatchObject({ code: 'objection_not_accessible' });
  });
});
