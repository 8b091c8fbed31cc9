import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/domain/audit.ts';
import { makePublicDisclosureUseCases } from '../../shared/domain/records/public-use-cases.ts';
import type { Store } from '../../shared/store/client.ts';
import { freshStore } from '../support/dynamodb.ts';
import { AGENCY, COMPANY, penaltyInput } from '../support/record-builders.ts';
import { AGENCY_ACTOR } from '../support/timers.ts';
import { EVIDENCE, workflowWorld } from '../support/workflows.ts';

const ENTITY: Actor = { role: 'entity', id: COMPANY };
const shanghai = (local: string) => `${local}+08:00`;
let store: Store;
beforeAll(async () => {
  store = await freshStore();
});

async function penalty(
  world: ReturnType<typeof workflowWorld>,
  penaltyOverrides: Record<string, unknown> = {},
  decisionDate = '2026-05-10',
) {
  const base = penaltyInput({ decisionDate });
  const { record } = await world.useCases.register(
    { uscc: AGENCY },
    { ...base, penalty: { ...base.penalty, ...penaltyOverrides } },
    {
      publish: true,
      actor: AGENCY_ACTOR,
    },
  );
  return record;
}

const application = (recordId: string, signedAt = '2026-08-20') => ({
  recordId,
  commitment: { text: '本单位承诺依法诚信经营。', signedAt },
  evidence: EVIDENCE,
});

describe('filing a credit-repair application', () => {
  it('is refused before the minimum period, saying the first date a filing is allowed', async () => {
    const world = workflowWorld(store, shanghai('2026-05-12T10:00:00'));
    const record = await penalty(world);
    world.time.set(shanghai('2026-08-10T10:00:00'));

    const early = world.repairs.file(COMPANY, application(record.id, '2026-08-10'), ENTITY);

    // A general penalty under Order No. 36: 3 months from 2026-05-10 end with 2026-08-10.
    await expect(early).rejects.toMatchObject({
      code: 'minimum_period_not_over',
      details: { firstAllowedDate: '2026-08-11' },
    });
  });

  it('is refused for a penalty that may not be repaired, and for a second pending application', async () => {
    const world = workflowWorld(store, shanghai('2026-05-12T10:00:00'));
    const [barred, open] = [await penalty(world, { repairable: false }), await penalty(world)];
    world.time.set(shanghai('2026-08-20T10:00:00'));

    await expect(world.repairs.file(COMPANY, application(barred.id), ENTITY)).rejects.toMatchObject({
      code: 'not_repairable',
    });
    await world.repairs.file(COMPANY, application(open.id), ENTITY);
    await expect(world.repairs.file(COMPANY, application(open.id), ENTITY)).rejects.toMatchObject({
      code: 'repair_pending',
    });
  });

  it('approved: the record stops being public at once, and the decision document carries a verifiable hash', async () => {
    const world = workflowWorld(store, shanghai('2026-05-12T10:00:00'));
    const record = await penalty(world);
    const disclosures = makePublicDisclosureUseCases({ records: world.records });
    world.time.set(shanghai('2026-08-20T10:00:00'));
    const repair = await world.repairs.file(COMPANY, application(record.id), ENTITY);

    const decided = await world.repairs.decide(
      AGENCY,
      repair.id,
      { outcome: 'approved', reason: '已履行法定义务' },
      AGENCY_ACTOR,
    );
    const document = await world.repairs.decisionDocument({ role: 'entity', uscc: COMPANY }, repair.id);

    expect(decided.status).toBe('approved');
    await expect(disclosures.get(record.id)).rejects.toMatchObject({ code: 'disclosure_not_found' });
    expect((await disclosures.search({ uscc: COMPANY, limit: 100 })).items.map((r) => r.id)).not.toContain(
      record.id,
    );
    expect(document).toMatchObject({
      title: '信用修复决定书',
      repairId: repair.id,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const { canonicalJson, sha256 } = await import('../../shared/domain/audit.ts');
    const { hash, ...body } = document;
    expect(sha256(canonicalJson(body))).toBe(hash);
  });

  it('rejected: the record stays public, with no decision document, and two concurrent decisions never both win', async () => {
    const world = workflowWorld(store, shanghai('2026-05-12T10:00:00'));
    const record = await penalty(world);
    world.time.set(shanghai('2026-08-20T10:00:00'));
    const repair = await world.repairs.file(COMPANY, application(record.id), ENTITY);

    const results = await Promise.allSettled([
      world.repairs.decide(AGENCY, repair.id, { outcome: 'rejected', reason: '罚款未缴清' }, AGENCY_ACTOR),
      world.repairs.decide(AGENCY, repair.id, { outcome: 'approved', reason: '同意' }, AGENCY_ACTOR),
    ]);

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const final = await world.repairs.get({ role: 'agency', agency: AGENCY }, repair.id);
    const after = await world.records.get(record.id);
    expect(after?.publicationEnd?.reason === 'repaired').toBe(final.status === 'approved');
    if (final.status === 'rejected') {
      await expect(
        world.repairs.decisionDocument({ role: 'entity', uscc: COMPANY }, repair.id),
      ).rejects.toMatchObject({
        code: 'no_decision_document',
      });
    }
  });

  it('marks the refusal on the record: only then may the entity object to the repair result', async () => {
    const world = workflowWorld(store, shanghai('2026-05-12T10:00:00'));
    const record = await penalty(world);
    world.time.set(shanghai('2026-08-20T10:00:00'));
    const objection = {
      recordId: record.id,
      reason: 'repair_result' as const,
      statement: '修复材料齐全',
      evidence: EVIDENCE,
    };

    await expect(world.objections.file(COMPANY, objection, ENTITY)).rejects.toMatchObject({
      code: 'no_repair_result',
      field: 'reason',
    });
    const repair = await world.repairs.file(COMPANY, application(record.id), ENTITY);
    await expect(world.objections.file(COMPANY, objection, ENTITY)).rejects.toMatchObject({
      code: 'no_repair_result',
    });
    await world.repairs.decide(
      AGENCY,
      repair.id,
      { outcome: 'rejected', reason: '罚款未缴清' },
      AGENCY_ACTOR,
    );

    expect((await world.records.get(record.id))?.lastRepairDecision).toEqual({
      id: repair.id,
      outcome: 'rejected',
      at: new Date(shanghai('2026-08-20T10:00:00')).toISOString(),
    });
    await expect(world.objections.file(COMPANY, objection, ENTITY)).resolves.toMatchObject({
      reason: 'repair_result',
      status: 'pending',
    });
  });

  it('escalates an application not decided in time', async () => {
    const world = workflowWorld(store, shanghai('2026-05-12T10:00:00'));
    const record = await penalty(world);
    world.time.set(shanghai('2026-08-20T10:00:00'));
    const repair = await world.repairs.file(COMPANY, application(record.id), ENTITY);

    world.time.set(shanghai('2026-08-26T00:10:00'));
    const report = await world.sweep('repair-deadlines');

    // Thu 8/20 + 3 working days: 8/21, 8/24, 8/25.
    expect(repair.deadline.due).toBe('2026-08-25');
    expect(report.actions.escalated).toBeGreaterThanOrEqual(1);
    expect((await world.workflows.escalated('repair', { limit: 50 })).items.map((r) => r.id)).toContain(
      repair.id,
    );
  });
});
