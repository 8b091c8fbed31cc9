import { describe, expect, it } from 'vitest';
import { assertPendingOn } from '../../../shared/domain/objections/objection.ts';
import {
  acceptedObjection,
  decidedObjection,
  objected,
  publishedPenalty,
} from '../../support/domain-mothers.ts';
import { domainWorld } from '../../support/domain-world.ts';
import { thrownBy } from '../support/thrown.ts';

/**
 * Whoever loses a race changed nothing. Which conflict it is told depends on when it read:
 * after the winner's write, `objection_already_decided`; between the winner's write of the
 * objection and its own read of the record, `objection_changed`; before the write (both read
 * the same state), the store's guard on the record's revision, `record_changed`.
 */
const RACE_LOST = /^(objection_already_decided|objection_changed|record_changed)$/;

describe('two decisions of one objection at once', () => {
  it('let exactly one win, and the record shows exactly the winner’s effect', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    const results = await Promise.allSettled([
      decidedObjection(world, objection.id, { outcome: 'upheld', reason: '决定已撤销', revoke: true }),
      decidedObjection(world, objection.id, { outcome: 'rejected', reason: '公示内容无误。' }),
      decidedObjection(world, objection.id, {
        outcome: 'upheld',
        reason: '罚款金额录入错误',
        correction: { penalty: { fineAmount: 3 } },
      }),
    ]);

    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toEqual([
      expect.objectContaining({ name: 'ConflictError', code: expect.stringMatching(RACE_LOST) }),
      expect.objectContaining({ name: 'ConflictError', code: expect.stringMatching(RACE_LOST) }),
    ]);
    const effect = won[0]?.decision?.effect;
    const stored = world.table.records.get(record.id);
    expect(stored?.status).toBe(effect === 'revoked' ? 'revoked' : 'published');
    expect(stored?.version).toBe(effect === 'corrected' ? 2 : 1);
    expect(stored?.objection).toBeUndefined();
    expect(world.table.objections.get(objection.id)?.decision).toEqual(won[0]?.decision);
    expect(world.table.eventsOfType('objection-decided')).toHaveLength(1);
    expect(world.table.auditOf('objection', objection.id).map((e) => e.action)).toEqual([
      'objection.filed',
      `objection.${won[0]?.decision?.outcome}`,
    ]);
  });

  it('refuse the later of two decisions made one after the other with objection_already_decided', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);
    await decidedObjection(world, objection.id, { outcome: 'rejected', reason: '公示内容无误。' });

    const later = decidedObjection(world, objection.id, { outcome: 'upheld', reason: '复查', revoke: true });

    await expect(later).rejects.toMatchObject({ name: 'ConflictError', code: 'objection_already_decided' });
  });
});

describe('a decision that read the objection before another decision and the record after it', () => {
  it('is refused with objection_changed: the record no longer carries the objection’s label', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);
    const asReadFirst = world.table.objections.get(objection.id);
    await decidedObjection(world, objection.id, { outcome: 'rejected', reason: '公示内容无误。' });
    const recordReadAfter = world.table.records.get(record.id);
    if (!asReadFirst || !recordReadAfter) throw new Error('the objection and its record were written');

    const error = thrownBy(() => assertPendingOn(asReadFirst, recordReadAfter));

    expect(asReadFirst.status).toBe('pending');
    expect(error).toMatchObject({ name: 'ConflictError', code: 'objection_changed' });
  });
});

describe('an acceptance and a decision at once', () => {
  it('leave the objection in one consistent state: decided, or accepted and still pending', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const objection = await objected(world, record.id);

    const [accepting, deciding] = await Promise.allSettled([
      acceptedObjection(world, objection.id, true),
      decidedObjection(world, objection.id, { outcome: 'rejected', reason: '公示内容无误。' }),
    ]);

    const stored = world.table.objections.get(objection.id);
    const label = world.table.records.get(record.id)?.objection;
    expect([accepting.status, deciding.status]).toContain('fulfilled');
    expect(stored?.status).toBe(deciding.status === 'fulfilled' ? 'decided' : 'pending');
    expect(stored?.needsOtherUnit).toBe(accepting.status === 'fulfilled');
    expect(label?.id).toBe(stored?.status === 'pending' ? objection.id : undefined);
    expect(stored?.revision).toBe(1 + [accepting, deciding].filter((r) => r.status === 'fulfilled').length);
  });
});
