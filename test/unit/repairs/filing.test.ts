import { describe, expect, it } from 'vitest';
import {
  appliedForRepair,
  decidedRepair,
  penaltyOf,
  publishedPenalty,
  registered,
  repairFiling,
} from '../../support/domain-mothers.ts';
import { AGENCY_ACTOR, domainWorld, ENTITY_ACTOR } from '../../support/domain-world.ts';
import { AGENCY, COMPANY, licenseInput, OTHER_COMPANY } from '../../support/record-builders.ts';
import { simplifiedPenalty, warningOnlyPenalty } from '../../support/record-mothers.ts';

/** COMPANY applies for repair with a commitment signed on `signedAt`. */
const applied = (world: ReturnType<typeof domainWorld>, recordId: string, signedAt: string) =>
  world.repairs.file(COMPANY, repairFiling(recordId, signedAt), ENTITY_ACTOR);

describe('applying for credit repair', () => {
  it('is due for the agency’s decision three working days from the day of filing', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const record = await publishedPenalty(world);

    const repair = await appliedForRepair(world, record.id);

    expect(repair).toMatchObject({
      recordId: record.id,
      entity: COMPANY,
      agency: AGENCY,
      status: 'pending',
      filedAt: '2026-12-04T02:00:00.000Z',
      commitment: { signedAt: '2026-12-01' },
      deadline: { due: '2026-12-09', dueAt: '2026-12-10T00:00:00+08:00', provisional: false },
    });
  });

  it('marks the record, writes both audit entries and tells the agency by a repair-filed event', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);

    const repair = await appliedForRepair(world, record.id);

    expect(world.table.records.get(record.id)?.repair).toEqual({ id: repair.id, filedAt: repair.filedAt });
    expect(world.table.auditOf('repair', repair.id).map((e) => [e.action, e.actor])).toEqual([
      ['repair.filed', ENTITY_ACTOR],
    ]);
    expect(world.table.auditOf('record', record.id).at(-1)?.action).toBe('record.repair_filed');
    expect(world.table.eventsOfType('repair-filed')).toEqual([
      {
        id: `${repair.id}.1.repair-filed`,
        type: 'repair-filed',
        at: '2026-12-04T02:00:00.000Z',
        subject: { kind: 'repair', id: repair.id, agency: AGENCY, entity: COMPANY },
        data: { recordId: record.id, dueAt: '2026-12-10T00:00:00+08:00' },
      },
    ]);
    expect(world.table.deadlines.get(`repair-due#${repair.id}`)?.dueAt).toBe('2026-12-10T00:00:00+08:00');
  });

  it('keeps the record in public view while the application is pending', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);

    await appliedForRepair(world, record.id);

    expect((await world.disclosures.get(record.id)).id).toBe(record.id);
  });
});

describe('the minimum publication period', () => {
  it('refuses a general penalty before its three months are over, naming the first allowed date and regime', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const record = await publishedPenalty(world, '2026-11-02');

    await expect(appliedForRepair(world, record.id)).rejects.toMatchObject({
      code: 'minimum_period_not_over',
      field: 'recordId',
      details: { firstAllowedDate: '2027-02-03', regime: 'order-36' },
    });
    expect(world.table.repairs.size).toBe(0);
  });

  it('refuses a serious penalty before its twelve months are over', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-06-01', { severity: 'serious' });

    await expect(appliedForRepair(world, record.id)).rejects.toMatchObject({
      code: 'minimum_period_not_over',
      details: { firstAllowedDate: '2027-06-02', regime: 'order-36' },
    });
  });

  it('allows the filing on the day after three whole months', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const record = await publishedPenalty(world, '2026-09-03');

    const repair = await appliedForRepair(world, record.id);

    expect(repair.status).toBe('pending');
  });

  it('refuses the filing on the last day of the three months', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const record = await publishedPenalty(world, '2026-09-04');

    await expect(appliedForRepair(world, record.id)).rejects.toMatchObject({
      code: 'minimum_period_not_over',
      details: { firstAllowedDate: '2026-12-05' },
    });
  });

  it('applies the regime in force on the decision date: Notice 527 gave a serious penalty six months', async () => {
    const world = domainWorld('2023-08-01T10:00:00+08:00');
    const record = await publishedPenalty(world, '2023-01-10', { severity: 'serious' });

    const repair = await world.repairs.file(COMPANY, repairFiling(record.id, '2023-07-31'), ENTITY_ACTOR);

    expect(repair.status).toBe('pending');
  });

  it('names Order No. 58 for a penalty in 消防 decided under it, with the twelve months of its sector', async () => {
    const world = domainWorld('2023-12-01T10:00:00+08:00');
    const record = await publishedPenalty(world, '2023-05-10', {
      severity: 'general',
      sector: 'fire_safety',
    });

    const filing = world.repairs.file(COMPANY, repairFiling(record.id, '2023-11-30'), ENTITY_ACTOR);

    await expect(filing).rejects.toMatchObject({
      code: 'minimum_period_not_over',
      details: { firstAllowedDate: '2024-05-11', regime: 'order-58' },
    });
  });

  it('lets a serious penalty decided under Order No. 58 outside the special sectors be repaired after 3 months', async () => {
    const world = domainWorld('2023-12-01T10:00:00+08:00');
    const record = await publishedPenalty(world, '2023-05-10', { severity: 'serious', sector: 'other' });

    const repair = await world.repairs.file(COMPANY, repairFiling(record.id, '2023-11-30'), ENTITY_ACTOR);

    expect(repair.status).toBe('pending');
  });

  it('lets a penalty decided before any regime (2019-07-01) be repaired with no minimum: 条例 第38条 alone bounds it', async () => {
    const world = domainWorld('2019-12-02T10:00:00+08:00');
    const record = await publishedPenalty(world, '2019-06-28');

    const repair = await world.repairs.file(COMPANY, repairFiling(record.id, '2019-12-01'), ENTITY_ACTOR);

    expect(repair.status).toBe('pending');
  });

  it('no longer shows, nor repairs, a penalty decided 2018-03-01 once the five-year cap ended it (条例 第38条)', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2018-03-01');

    expect(record.publicationEnd).toMatchObject({ reason: 'expired' });
    await expect(appliedForRepair(world, record.id)).rejects.toMatchObject({ code: 'repair_not_applicable' });
  });
});

describe('what may be repaired', () => {
  it('refuses a penalty the law says may not be repaired', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-06-01', { repairable: false });

    await expect(appliedForRepair(world, record.id)).rejects.toMatchObject({
      code: 'not_repairable',
      field: 'recordId',
    });
  });

  it('refuses a licence: only a penalty is repaired', async () => {
    const world = domainWorld();
    const record = await registered(world, licenseInput({ decisionDate: '2026-06-01' }), true);

    await expect(appliedForRepair(world, record.id)).rejects.toMatchObject({ code: 'repair_not_applicable' });
  });

  it('refuses a penalty registered but not published', async () => {
    const world = domainWorld();
    const record = await registered(world, penaltyOf('2026-06-01'));

    await expect(appliedForRepair(world, record.id)).rejects.toMatchObject({ code: 'repair_not_applicable' });
  });

  it.each([
    ['the simplified procedure', simplifiedPenalty],
    ['a warning alone', warningOnlyPenalty],
  ])('refuses a published penalty under %s, which the public never sees', async (_, build) => {
    const world = domainWorld();
    const record = await registered(world, build({ decisionDate: '2026-06-01' }), true);

    await expect(appliedForRepair(world, record.id)).rejects.toMatchObject({ code: 'repair_not_applicable' });
  });

  it('refuses a revoked penalty', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    await world.recordUseCases.revoke(AGENCY, record.id, '原处罚决定已被撤销', AGENCY_ACTOR);

    await expect(appliedForRepair(world, record.id)).rejects.toMatchObject({ code: 'repair_not_applicable' });
  });

  it("refuses another entity's penalty as if it did not exist", async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);

    const theirs = world.repairs.file(OTHER_COMPANY, repairFiling(record.id, '2026-12-01'), {
      role: 'entity',
      id: OTHER_COMPANY,
    });
    const none = appliedForRepair(world, 'rec_00000000000000000000000000');

    await expect(theirs).rejects.toMatchObject({ code: 'record_not_accessible' });
    await expect(none).rejects.toMatchObject({ code: 'record_not_accessible' });
  });
});

describe('a second application for the same record', () => {
  it('is refused while the first is pending, naming the first', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    const first = await appliedForRepair(world, record.id);

    await expect(appliedForRepair(world, record.id)).rejects.toMatchObject({
      code: 'repair_pending',
      field: 'recordId',
      details: { repairId: first.id },
    });
  });

  it('may be filed once the first was refused', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    const first = await appliedForRepair(world, record.id);
    await decidedRepair(world, first.id, 'rejected');

    const second = await appliedForRepair(world, record.id);

    expect(second.id).not.toBe(first.id);
    expect(world.table.records.get(record.id)?.repair?.id).toBe(second.id);
  });

  it('lets exactly one of several filed at once through', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);

    const results = await Promise.allSettled([1, 2, 3].map(() => appliedForRepair(world, record.id)));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(world.table.repairs.size).toBe(1);
  });
});

describe('the credit commitment (信用承诺书)', () => {
  it('may not be signed after today', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const record = await publishedPenalty(world);

    await expect(applied(world, record.id, '2026-12-05')).rejects.toMatchObject({
      code: 'commitment_date',
      field: 'commitment.signedAt',
    });
  });

  it('may be signed up to 365 days ago, not earlier', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const older = await publishedPenalty(world, '2026-06-01');
    const oldest = await publishedPenalty(world, '2026-06-02');

    const yearAgo = await applied(world, older.id, '2025-12-04');
    const tooOld = applied(world, oldest.id, '2025-12-03');

    expect(yearAgo.status).toBe('pending');
    await expect(tooOld).rejects.toMatchObject({ code: 'commitment_date', field: 'commitment.signedAt' });
  });

  it('is judged by today in Asia/Shanghai, already 5 December there at 00:30', async () => {
    const world = domainWorld('2026-12-05T00:30:00+08:00');
    const record = await publishedPenalty(world);

    const repair = await applied(world, record.id, '2026-12-05');

    expect(repair.status).toBe('pending');
  });
});
