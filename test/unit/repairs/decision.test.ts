import { describe, expect, it } from 'vitest';
import { assertDecidableOn } from '../../../shared/domain/repairs/repair.ts';
import {
  appliedForRepair,
  decidedObjection,
  decidedRepair,
  objected,
  publishedPenalty,
  refusedRepairOf,
} from '../../support/domain-mothers.ts';
import { AGENCY_ACTOR, domainWorld } from '../../support/domain-world.ts';
import { AGENCY, COMPANY } from '../../support/record-builders.ts';
import { thrownBy } from '../support/thrown.ts';

describe('a repair approved', () => {
  it('ends the publication at once, keeping the decision on the record', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    const repair = await appliedForRepair(world, record.id);

    const decided = await decidedRepair(world, repair.id, 'approved', '已缴清罚款并完成整改。');

    expect(decided).toMatchObject({
      status: 'approved',
      decision: { outcome: 'approved', reason: '已缴清罚款并完成整改。', at: '2026-12-04T02:00:00.000Z' },
    });
    expect(world.table.records.get(record.id)).toMatchObject({
      status: 'published',
      repair: undefined,
      publicationEnd: { at: '2026-12-04T02:00:00.000Z', reason: 'repaired' },
      lastRepairDecision: { id: repair.id, outcome: 'approved', at: '2026-12-04T02:00:00.000Z' },
    });
  });

  it('takes the record out of public view: its detail is not found and no search returns it', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    const repair = await appliedForRepair(world, record.id);

    await decidedRepair(world, repair.id, 'approved');

    await expect(world.disclosures.get(record.id)).rejects.toMatchObject({ code: 'disclosure_not_found' });
    expect((await world.disclosures.search({ uscc: COMPANY, limit: 10 })).items).toEqual([]);
    expect((await world.disclosures.forEntity(COMPANY, { limit: 10 })).items).toEqual([]);
  });

  it('closes the record’s publication-expiry deadline with the application’s own', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    const repair = await appliedForRepair(world, record.id);
    expect(world.table.deadlines.has(`publication-expiry#${record.id}`)).toBe(true);

    await decidedRepair(world, repair.id, 'approved');

    expect(world.table.deadlines.has(`publication-expiry#${record.id}`)).toBe(false);
    expect(world.table.deadlines.has(`repair-due#${repair.id}`)).toBe(false);
  });

  it('writes repair.approved and record.repaired, and tells the entity by a repair-decided event', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    const repair = await appliedForRepair(world, record.id);

    const decided = await decidedRepair(world, repair.id, 'approved');

    expect(world.table.auditOf('repair', repair.id).map((e) => [e.action, e.actor])).toEqual([
      ['repair.filed', { role: 'entity', id: COMPANY }],
      ['repair.approved', AGENCY_ACTOR],
    ]);
    expect(world.table.auditOf('record', record.id).at(-1)?.action).toBe('record.repaired');
    expect(world.table.eventsOfType('repair-decided')).toEqual([
      {
        id: `${repair.id}.${decided.revision}.repair-decided`,
        type: 'repair-decided',
        at: '2026-12-04T02:00:00.000Z',
        subject: { kind: 'repair', id: repair.id, agency: AGENCY, entity: COMPANY },
        data: { recordId: record.id, outcome: 'approved' },
      },
    ]);
  });

  it('leaves no objection and no new application possible: the record is no longer public', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    await decidedRepair(world, (await appliedForRepair(world, record.id)).id, 'approved');

    await expect(objected(world, record.id, { reason: 'repair_result' })).rejects.toMatchObject({
      code: 'record_not_public',
    });
    await expect(appliedForRepair(world, record.id)).rejects.toMatchObject({
      code: 'repair_not_applicable',
    });
  });

  it('keeps the record out of public view when an objection pending meanwhile is rejected afterwards', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    const objection = await objected(world, record.id);
    await decidedRepair(world, (await appliedForRepair(world, record.id)).id, 'approved');

    await decidedObjection(world, objection.id, { outcome: 'rejected', reason: '公示内容无误。' });

    expect(world.table.records.get(record.id)).toMatchObject({
      objection: undefined,
      publicationEnd: { reason: 'repaired' },
    });
    await expect(world.disclosures.get(record.id)).rejects.toMatchObject({ code: 'disclosure_not_found' });
  });
});

describe('a repair rejected', () => {
  it('leaves the record public as it was, with the refusal marked on it', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    const repair = await appliedForRepair(world, record.id);

    const decided = await decidedRepair(world, repair.id, 'rejected', '罚款尚未缴清。');

    const stored = world.table.records.get(record.id);
    expect(decided).toMatchObject({ status: 'rejected', decision: { reason: '罚款尚未缴清。' } });
    expect(stored).toMatchObject({
      content: record.content,
      repair: undefined,
      lastRepairDecision: { id: repair.id, outcome: 'rejected' },
    });
    expect(stored?.publicationEnd).toBeUndefined();
    expect((await world.disclosures.get(record.id)).id).toBe(record.id);
    expect(world.table.auditOf('repair', repair.id).at(-1)?.action).toBe('repair.rejected');
    expect(world.table.auditOf('record', record.id).at(-1)?.action).toBe('record.repair_rejected');
    expect(world.table.eventsOfType('repair-decided')[0]?.data).toEqual({
      recordId: record.id,
      outcome: 'rejected',
    });
  });

  it('lets the entity object to the repair result, and the public sees the label', async () => {
    const world = domainWorld();
    const { record } = await refusedRepairOf(world);

    const objection = await objected(world, record.id, { reason: 'repair_result' });

    expect((await world.disclosures.get(record.id)).objection).toEqual({
      status: 'pending',
      filedAt: objection.filedAt,
    });
  });
});

describe('deciding a repair again', () => {
  it('is refused, and the first decision stands', async () => {
    const world = domainWorld();
    const { record, repair } = await refusedRepairOf(world);

    await expect(decidedRepair(world, repair.id, 'approved')).rejects.toMatchObject({
      name: 'ConflictError',
      code: 'repair_already_decided',
    });
    expect(world.table.repairs.get(repair.id)?.status).toBe('rejected');
    expect(world.table.records.get(record.id)?.publicationEnd).toBeUndefined();
  });
});

describe('a repair pending when the record left public view', () => {
  it('cannot be approved, there being no publication to end, but can be rejected', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const record = await publishedPenalty(world);
    const repair = await appliedForRepair(world, record.id);
    // Decided 2026-06-01: its one-year maximum ends with 2027-06-01.
    world.time.set('2027-06-02T09:00:00+08:00');
    await world.sweep('publication-expiry');

    const approving = decidedRepair(world, repair.id, 'approved');
    await expect(approving).rejects.toMatchObject({ code: 'record_not_public' });
    const rejected = await decidedRepair(world, repair.id, 'rejected', '公示期已满，无需修复。');

    expect(rejected.status).toBe('rejected');
    expect(world.table.records.get(record.id)).toMatchObject({
      repair: undefined,
      publicationEnd: { reason: 'expired' },
    });
  });
});

describe('two decisions of one application at once', () => {
  it('let exactly one win, and the record shows exactly the winner’s outcome', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    const repair = await appliedForRepair(world, record.id);

    const results = await Promise.allSettled([
      decidedRepair(world, repair.id, 'approved'),
      decidedRepair(world, repair.id, 'rejected'),
    ]);

    const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(won).toHaveLength(1);
    // Both read the same state, so the store's guard on the record's revision refuses the second.
    expect(lost).toEqual([
      expect.objectContaining({
        name: 'ConflictError',
        code: expect.stringMatching(/^(repair_already_decided|repair_changed|record_changed)$/),
      }),
    ]);
    const stored = world.table.records.get(record.id);
    expect(stored?.lastRepairDecision?.outcome).toBe(won[0]?.status);
    expect(stored?.publicationEnd?.reason).toBe(won[0]?.status === 'approved' ? 'repaired' : undefined);
    expect(world.table.eventsOfType('repair-decided')).toHaveLength(1);
  });

  it('refuse a decision that read the application before another decision and the record after it', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    const repair = await appliedForRepair(world, record.id);
    const asReadFirst = world.table.repairs.get(repair.id);
    await decidedRepair(world, repair.id, 'rejected');
    const recordReadAfter = world.table.records.get(record.id);
    if (!asReadFirst || !recordReadAfter) throw new Error('the application and its record were written');

    const error = thrownBy(() => assertDecidableOn(asReadFirst, recordReadAfter, 'approved', new Date()));

    expect(error).toMatchObject({ name: 'ConflictError', code: 'repair_changed' });
  });
});

describe('a record with a pending repair application', () => {
  it('cannot be revoked by its agency until the application is decided', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    const repair = await appliedForRepair(world, record.id);

    const early = world.recordUseCases.revoke(AGENCY, record.id, '原处罚决定已撤销', AGENCY_ACTOR);
    await expect(early).rejects.toMatchObject({ code: 'workflow_pending', details: { repairId: repair.id } });
    await decidedRepair(world, repair.id, 'rejected');
    const revoked = await world.recordUseCases.revoke(AGENCY, record.id, '原处罚决定已撤销', AGENCY_ACTOR);

    expect(revoked.status).toBe('revoked');
  });

  it('names both when an objection is pending too', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    const repair = await appliedForRepair(world, record.id);
    const objection = await objected(world, record.id);

    await expect(
      world.recordUseCases.revoke(AGENCY, record.id, '原处罚决定已撤销', AGENCY_ACTOR),
    ).rejects.toMatchObject({
      code: 'workflow_pending',
      details: { objectionId: objection.id, repairId: repair.id },
    });
  });
});
