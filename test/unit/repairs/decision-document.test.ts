import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256 } from '../../../shared/domain/audit.ts';
import { decisionBasis } from '../../../shared/domain/repairs/decision-document.ts';
import {
  AS_AGENCY,
  AS_ENTITY,
  appliedForRepair,
  decidedRepair,
  penaltyOf,
  publishedPenalty,
  refusedRepairOf,
  registered,
} from '../../support/domain-mothers.ts';
import { domainWorld } from '../../support/domain-world.ts';
import { AGENCY, COMPANY, OTHER_AGENCY, OTHER_COMPANY } from '../../support/record-builders.ts';

describe('the repair decision document (信用修复决定书)', () => {
  it('is issued for an approved application, naming the penalty, the entity and the decision', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    const repair = await appliedForRepair(world, record.id);
    await decidedRepair(world, repair.id, 'approved', '已缴清罚款并完成整改。');

    const document = await world.repairs.decisionDocument(AS_ENTITY, repair.id);

    expect(document).toMatchObject({
      title: '信用修复决定书',
      repairId: repair.id,
      recordId: record.id,
      documentNumber: record.content.documentNumber,
      entity: { name: record.content.subject.name, uscc: COMPANY },
      agency: AGENCY,
      decidedAt: '2026-12-04T02:00:00.000Z',
      outcome: 'approved',
      reason: '已缴清罚款并完成整改。',
    });
    expect(document.basis).toContain('国家发展改革委令第36号');
  });

  it("cites the regime that set the record's periods: Order No. 58 for a penalty decided 2024-06-15", async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2024-06-15', {
      severity: 'serious',
      sector: 'work_safety',
    });
    const repair = await appliedForRepair(world, record.id);
    await decidedRepair(world, repair.id, 'approved');

    const document = await world.repairs.decisionDocument(AS_ENTITY, repair.id);

    expect(document.basis).toContain('国家发展改革委令第58号');
    expect(document.basis).not.toContain('第36号');
  });

  it.each([
    ['2026-06-01', '国家发展改革委令第36号'],
    ['2021-03-01', '发改办财金〔2019〕527号'],
    ['2018-03-01', '山东省社会信用条例 第38条'],
  ])('cites, for a penalty decided %s, %s', async (decisionDate, regime) => {
    const world = domainWorld();
    const record = await registered(world, penaltyOf(decisionDate));

    expect(decisionBasis(record)).toContain(regime);
  });

  it('carries a SHA-256 anyone can recompute from the canonical JSON of the rest', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    const repair = await appliedForRepair(world, record.id);
    await decidedRepair(world, repair.id, 'approved');

    const { hash, ...body } = await world.repairs.decisionDocument(AS_ENTITY, repair.id);

    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256(canonicalJson(body))).toBe(hash);
  });

  it('is the same document for the agency as for the entity', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world);
    const repair = await appliedForRepair(world, record.id);
    await decidedRepair(world, repair.id, 'approved');

    const forAgency = await world.repairs.decisionDocument(AS_AGENCY, repair.id);

    expect(forAgency).toEqual(await world.repairs.decisionDocument(AS_ENTITY, repair.id));
  });

  it('does not exist for a pending application, nor for a rejected one', async () => {
    const world = domainWorld();
    const pending = await appliedForRepair(world, (await publishedPenalty(world)).id);
    const { repair: rejected } = await refusedRepairOf(world, '2026-06-02');

    for (const id of [pending.id, rejected.id]) {
      await expect(world.repairs.decisionDocument(AS_ENTITY, id)).rejects.toMatchObject({
        name: 'NotFoundError',
        code: 'no_decision_document',
      });
    }
  });

  it("is refused to anyone but the application's two parties, as for one that does not exist", async () => {
    const world = domainWorld();
    const repair = await appliedForRepair(world, (await publishedPenalty(world)).id);
    await decidedRepair(world, repair.id, 'approved');

    for (const attempt of [
      world.repairs.decisionDocument({ role: 'entity', uscc: OTHER_COMPANY }, repair.id),
      world.repairs.decisionDocument({ role: 'agency', agency: OTHER_AGENCY }, repair.id),
      world.repairs.decisionDocument(AS_ENTITY, 'rep_00000000000000000000000000'),
    ]) {
      await expect(attempt).rejects.toMatchObject({ code: 'repair_not_accessible' });
    }
  });
});
