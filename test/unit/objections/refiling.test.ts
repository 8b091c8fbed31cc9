import { describe, expect, it } from 'vitest';
import { statementSubstance } from '../../../shared/domain/objections/repeat.ts';
import {
  acceptedObjection,
  decidedObjection,
  objected,
  objectionFiling,
  publishedPenalty,
} from '../../support/domain-mothers.ts';
import { AGENCY_ACTOR, type DomainWorld, domainWorld, ENTITY_ACTOR } from '../../support/domain-world.ts';
import { AGENCY, COMPANY } from '../../support/record-builders.ts';

/*
 * After an objection is rejected, the same entity objects to the same record on the same
 * ground again only with new facts or evidence (objection_repeated otherwise), and a refiling
 * shows 异议处理中 only once the agency has accepted it (docs/objection-refiling.md).
 */

const REJECTED = { outcome: 'rejected', reason: '经核实，公示内容与处罚决定书一致。' } as const;
const NEW_EVIDENCE = { name: '银行回单', sha256: 'c'.repeat(64) };

/** A published record with one objection of COMPANY, rejected; time moves on an hour. */
async function afterRejection(world: DomainWorld, overrides: Record<string, unknown> = {}) {
  const record = await publishedPenalty(world, '2026-11-02');
  const first = await objected(world, record.id, overrides);
  await decidedObjection(world, first.id, REJECTED);
  world.time.set('2026-12-04T11:00:00+08:00');
  return { record, first };
}

const refile = (world: DomainWorld, recordId: string, overrides: Record<string, unknown> = {}) =>
  world.objections.file(COMPANY, objectionFiling(recordId, overrides), ENTITY_ACTOR);

describe('an objection filed again after one was rejected', () => {
  it.each([
    ['the same statement and evidence', {}],
    [
      'the same statement with other punctuation, spacing and width',
      { statement: '处罚决定书载明的罚款金额 与公示不符！' },
    ],
    ['a part of the rejected statement', { statement: '罚款金额与公示不符' }],
    ['no evidence at all', { evidence: [] }],
  ])('is refused as objection_repeated with %s', async (_, overrides) => {
    const world = domainWorld();
    const { record, first } = await afterRejection(world);

    const refused = refile(world, record.id, overrides);

    await expect(refused).rejects.toMatchObject({
      name: 'RuleViolationError',
      code: 'objection_repeated',
      field: 'statement',
      details: { rejectedObjectionId: first.id },
    });
    expect(world.table.objections.size).toBe(1);
    expect(world.table.records.get(record.id)?.objection).toBeUndefined();
  });

  it('is refused every round, however often it is tried', async () => {
    const world = domainWorld();
    const { record } = await afterRejection(world);

    const rounds = await Promise.allSettled([1, 2, 3, 4, 5].map(() => refile(world, record.id)));

    expect(rounds.map((r) => r.status === 'rejected' && (r.reason as { code: string }).code)).toEqual(
      Array(5).fill('objection_repeated'),
    );
  });

  it.each([
    [
      'new facts in the statement',
      { statement: '罚款已于2026年11月20日缴清，公示的罚款金额与缴款凭证不符。' },
    ],
    ['new evidence', { evidence: [NEW_EVIDENCE] }],
    ['another ground', { reason: 'period' }],
  ])('is filed with %s, following the rejected one', async (_, overrides) => {
    const world = domainWorld();
    const { record, first } = await afterRejection(world);

    const filed = await refile(world, record.id, overrides);

    expect(filed).toMatchObject({ status: 'pending', refiles: first.id });
  });

  it('compares with every rejected objection on the ground, not only the latest', async () => {
    const world = domainWorld();
    const { record } = await afterRejection(world);
    const second = await refile(world, record.id, { evidence: [NEW_EVIDENCE] });
    await decidedObjection(world, second.id, REJECTED);

    const again = refile(world, record.id, { evidence: [NEW_EVIDENCE] });

    await expect(again).rejects.toMatchObject({ code: 'objection_repeated' });
  });

  it('is refused while an earlier refiling is pending, labelled or not', async () => {
    const world = domainWorld();
    const { record } = await afterRejection(world);
    const pending = await refile(world, record.id, { evidence: [NEW_EVIDENCE] });

    const second = refile(world, record.id, { reason: 'period' });

    await expect(second).rejects.toMatchObject({
      code: 'objection_pending',
      details: { objectionId: pending.id },
    });
  });

  it('does not stop another record’s objection, nor a first objection', async () => {
    const world = domainWorld();
    await afterRejection(world);
    const other = await publishedPenalty(world, '2026-11-03');

    expect(await refile(world, other.id)).toMatchObject({ status: 'pending' });
    expect(
      (
        await world.objections.get(
          { role: 'entity', uscc: COMPANY },
          (
            await refile(world, (await publishedPenalty(world, '2026-11-04')).id)
          ).id,
        )
      ).refiles,
    ).toBeUndefined();
  });
});

describe('the 异议处理中 label of a refiling', () => {
  it('is not shown until the agency accepts the refiling, then shown until it is decided', async () => {
    const world = domainWorld();
    const { record } = await afterRejection(world);

    const refiled = await refile(world, record.id, { evidence: [NEW_EVIDENCE] });
    const beforeAcceptance = await world.disclosures.get(record.id);
    await acceptedObjection(world, refiled.id);
    const afterAcceptance = await world.disclosures.get(record.id);
    await decidedObjection(world, refiled.id, REJECTED);
    const afterDecision = await world.disclosures.get(record.id);

    expect(beforeAcceptance.objection).toBeUndefined();
    expect(afterAcceptance.objection).toEqual({ status: 'pending', filedAt: refiled.filedAt });
    expect(afterDecision.objection).toBeUndefined();
    expect(
      world.table
        .auditOf('record', record.id)
        .map((e) => e.action)
        .slice(-3),
    ).toEqual(['record.objection_refiled', 'record.objection_accepted', 'record.objection_closed']);
  });

  it('can be decided without acceptance, leaving no label behind', async () => {
    const world = domainWorld();
    const { record } = await afterRejection(world);
    const refiled = await refile(world, record.id, { evidence: [NEW_EVIDENCE] });

    const decided = await world.objections.decide(
      AGENCY,
      refiled.id,
      { outcome: 'upheld', reason: '撤销', revoke: true },
      world.validate,
      AGENCY_ACTOR,
    );

    expect(decided.decision?.effect).toBe('revoked');
    expect(world.table.records.get(record.id)?.objection).toBeUndefined();
  });

  it('is shown at once for a first objection, as before', async () => {
    const world = domainWorld();
    const record = await publishedPenalty(world, '2026-11-02');

    const first = await objected(world, record.id);

    expect((await world.disclosures.get(record.id)).objection).toEqual({
      status: 'pending',
      filedAt: first.filedAt,
    });
  });
});

describe('the substance of a statement', () => {
  it('ignores width, case, spacing and punctuation, and keeps every word', () => {
    expect(statementSubstance('罚款金额 与公示不符！ＡＢＣ')).toBe(
      statementSubstance('罚款金额与公示不符。abc'),
    );
    expect(statementSubstance('罚款金额与公示不符')).not.toBe(statementSubstance('罚款金额与公示相符'));
  });
});
