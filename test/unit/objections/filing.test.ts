import { describe, expect, it } from 'vitest';
import {
  acceptedObjection,
  appliedForRepair,
  decidedObjection,
  decidedRepair,
  objected,
  objectionFiling,
  penaltyOf,
  publishedPenalty,
  refusedRepairOf,
  registered,
} from '../../support/domain-mothers.ts';
import { AGENCY_ACTOR, domainWorld, ENTITY_ACTOR } from '../../support/domain-world.ts';
import { AGENCY, COMPANY, OTHER_COMPANY } from '../../support/record-builders.ts';
import {
  minorPenalty,
  naturalPersonPenalty,
  simplifiedPenalty,
  warningOnlyPenalty,
} from '../../support/record-mothers.ts';

describe('filing an objection', () => {
  it('is due three working days from the day of filing, at the end of the third', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const record = await publishedPenalty(world, '2026-11-02');

    const objection = await objected(world, record.id);

    // Friday 12/4 is day 0; then Monday 12/7, 12/8, 12/9.
    expect(objection).toMatchObject({
      recordId: record.id,
      entity: COMPANY,
      agency: AGENCY,
      status: 'pending',
      needsOtherUnit: false,
      filedAt: '2026-12-04T02:00:00.000Z',
      deadline: { due: '2026-12-09', dueAt: '2026-12-10T00:00:00+08:00', provisional: false },
    });
  });

  it('counts the working days past the National Day holiday and its adjusted working Saturday', async () => {
    const world = domainWorld('2026-09-30T10:00:00+08:00');
    const record = await publishedPenalty(world, '2026-09-28');

    const objection = await objected(world, record.id);

    // 9/30 is day 0; 10/1–10/7 are holidays; then 10/8, 10/9 and Saturday 10/10 (调休).
    expect(objection.deadline).toEqual({
      due: '2026-10-10',
      dueAt: '2026-10-11T00:00:00+08:00',
      provisional: false,
      // One working day before: the end of the working day before the due date.
      reminderAt: '2026-10-10T00:00:00+08:00',
    });
  });

  it('labels the record 异议处理中, and the public sees the label', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');

    const objection = await objected(world, record.id);

    expect(world.table.records.get(record.id)?.objection).toEqual({
      id: objection.id,
      filedAt: objection.filedAt,
    });
    expect((await world.disclosures.get(record.id)).objection).toEqual({
      status: 'pending',
      filedAt: objection.filedAt,
    });
  });

  it('tells the agency by an objection-filed event carrying the due instant', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');

    const objection = await objected(world, record.id);

    expect(world.table.eventsOfType('objection-filed')).toEqual([
      {
        id: `${objection.id}.1.objection-filed`,
        type: 'objection-filed',
        at: '2026-12-04T02:00:00.000Z',
        subject: { kind: 'objection', id: objection.id, agency: AGENCY, entity: COMPANY },
        data: { recordId: record.id, reason: 'content_error', dueAt: '2026-12-10T00:00:00+08:00' },
      },
    ]);
  });

  it('writes an audit entry on the objection and on the record, by the entity', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');

    const objection = await objected(world, record.id);

    expect(world.table.auditOf('objection', objection.id)).toEqual([
      expect.objectContaining({ seq: 1, action: 'objection.filed', actor: ENTITY_ACTOR }),
    ]);
    expect(world.table.auditOf('record', record.id).map((e) => e.action)).toEqual([
      'record.registered_and_published',
      'record.objection_filed',
    ]);
    expect(objection.head).toMatchObject({ seq: 1 });
  });

  it('opens the handling deadline in the index the escalation sweep reads', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');

    const objection = await objected(world, record.id);

    expect(world.table.deadlines.get(`objection-due#${objection.id}`)).toEqual({
      kind: 'objection-due',
      subjectId: objection.id,
      dueAt: '2026-12-10T00:00:00+08:00',
    });
  });
});

describe('whose record an objection may be filed against', () => {
  it("refuses another entity's record with the same answer as a record that does not exist", async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');

    const theirs = world.objections.file(OTHER_COMPANY, objectionFiling(record.id), {
      role: 'entity',
      id: OTHER_COMPANY,
    });
    const none = objected(world, 'rec_00000000000000000000000000');

    await expect(theirs).rejects.toMatchObject({ code: 'record_not_accessible' });
    await expect(none).rejects.toMatchObject({ code: 'record_not_accessible' });
    expect(world.table.objections.size).toBe(0);
  });

  it('refuses a natural person’s record as not accessible: it carries no USCC for an entity to own', async () => {
    const world = domainWorld();
    const record = await registered(world, naturalPersonPenalty({ decisionDate: '2026-11-02' }), true);

    await expect(objected(world, record.id)).rejects.toMatchObject({ code: 'record_not_accessible' });
  });
});

describe('which records an objection may be filed against', () => {
  it('refuses a record that is registered but not yet published, naming the record', async () => {
    const world = domainWorld();
    const record = await registered(world, penaltyOf('2026-12-01'));

    await expect(objected(world, record.id)).rejects.toMatchObject({
      code: 'record_not_public',
      field: 'recordId',
    });
  });

  it('refuses a revoked record', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    await world.recordUseCases.revoke(AGENCY, record.id, '原处罚决定已被撤销', AGENCY_ACTOR);

    await expect(objected(world, record.id)).rejects.toMatchObject({ code: 'record_not_public' });
  });

  it.each([
    ['the simplified procedure', simplifiedPenalty],
    ['a warning alone', warningOnlyPenalty],
    ['a minor breach', minorPenalty],
  ])('refuses a published penalty under %s, which the public never sees', async (_, build) => {
    const world = domainWorld();
    const record = await registered(world, build({ decisionDate: '2026-11-02' }), true);

    await expect(objected(world, record.id)).rejects.toMatchObject({ code: 'record_not_public' });
  });

  it('refuses a record whose maximum publication period has ended', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    // Decided under Order No. 58: published for at most 3 years, until 2026-06-01.
    const record = await publishedPenalty(world, '2023-06-01');
    await world.sweep('publication-expiry');
    expect(world.table.records.get(record.id)?.publicationEnd?.reason).toBe('expired');

    await expect(objected(world, record.id)).rejects.toMatchObject({ code: 'record_not_public' });
  });

  it('refuses a record whose publication ended because its repair was approved', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    const repair = await appliedForRepair(world, record.id);
    await decidedRepair(world, repair.id, 'approved');

    await expect(objected(world, record.id)).rejects.toMatchObject({ code: 'record_not_public' });
  });
});

describe('objecting to a repair result', () => {
  it('is refused while the record has no repair decision at all, naming the reason', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);

    await expect(objected(world, record.id, { reason: 'repair_result' })).rejects.toMatchObject({
      code: 'no_repair_result',
      field: 'reason',
    });
  });

  it('is refused while a repair application is still pending', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    await appliedForRepair(world, record.id);

    await expect(objected(world, record.id, { reason: 'repair_result' })).rejects.toMatchObject({
      code: 'no_repair_result',
    });
  });

  it('is accepted once a repair of the record was refused', async () => {
    const world = domainWorld();
    const { record } = await refusedRepairOf(world);

    const objection = await objected(world, record.id, { reason: 'repair_result' });

    expect(objection).toMatchObject({ reason: 'repair_result', status: 'pending' });
  });
});

describe('a second objection to the same record', () => {
  it('is refused while the first is pending, naming the first', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const first = await objected(world, record.id);

    const second = objected(world, record.id, { reason: 'period' });

    await expect(second).rejects.toMatchObject({
      code: 'objection_pending',
      field: 'recordId',
      details: { objectionId: first.id },
    });
    expect(world.table.objections.size).toBe(1);
  });

  it('may be filed once the first was decided', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    const first = await objected(world, record.id);
    await decidedObjection(world, first.id, { outcome: 'rejected', reason: '公示内容与决定书一致。' });

    const second = await objected(world, record.id, { reason: 'period' });
    const labelBeforeAcceptance = world.table.records.get(record.id)?.objection;
    await acceptedObjection(world, second.id);

    expect(second).toMatchObject({ status: 'pending', refiles: first.id });
    // A refiling shows 异议处理中 only once accepted (refiling.test.ts).
    expect(labelBeforeAcceptance).toBeUndefined();
    expect(world.table.records.get(record.id)?.objection?.id).toBe(second.id);
  });

  it('lets exactly one of several filed at once through', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');

    const results = await Promise.allSettled([1, 2, 3].map(() => objected(world, record.id)));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([
      expect.objectContaining({ reason: expect.objectContaining({ name: 'ConflictError' }) }),
      expect.objectContaining({ reason: expect.objectContaining({ name: 'ConflictError' }) }),
    ]);
    expect(world.table.objections.size).toBe(1);
  });
});

describe('a filing the store fails to write', () => {
  it('leaves neither an objection nor a label behind', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');
    world.table.failNextWrite(new Error('ProvisionedThroughputExceeded'));

    await expect(objected(world, record.id)).rejects.toThrow('ProvisionedThroughputExceeded');

    expect(world.table.objections.size).toBe(0);
    expect(world.table.records.get(record.id)?.objection).toBeUndefined();
    expect(world.table.eventsOfType('objection-filed')).toEqual([]);
  });
});
