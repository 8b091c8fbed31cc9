import { describe, expect, it } from '../support/e2e.ts';
import { APPROVE, penaltyAgainst, RECENTLY } from '../support/workflow-mothers.ts';

/*
 * Before anyone files: each of an entity's and a person's own penalties says whether it can be
 * repaired now, why not, from which date, and what its class needs — the same refusal the
 * repair route gives, so the form and the API cannot disagree.
 */

describe("an entity's own records", () => {
  it('say which penalty can be repaired now, and for one still in its minimum period, from when', async ({
    api,
    agency,
    entity,
  }) => {
    const old = await api.publishedPenalty(agency, entity);
    const recent = await api.register(agency, penaltyAgainst(entity.uscc, RECENTLY));
    const never = await api.register(agency, {
      ...penaltyAgainst(entity.uscc),
      penalty: { ...penaltyAgainst(entity.uscc).penalty, repairable: false },
    });

    const mine = await api.list(entity.token, '/v1/entity/records');
    const standing = (id: string) => mine.find((r) => r.id === id)?.repair;
    const refused = await api.fileRepair(entity, {
      recordId: recent,
      commitment: { text: '本单位承诺依法诚信经营。', signedAt: new Date().toISOString().slice(0, 10) },
      evidence: [{ name: '缴款凭证', sha256: 'a'.repeat(64) }],
    });

    expect(standing(old)).toMatchObject({
      eligible: true,
      materials: expect.arrayContaining([expect.objectContaining({ name: '信用承诺书' })]),
    });
    expect(standing(recent)).toMatchObject({
      eligible: false,
      code: 'minimum_period_not_over',
      from: refused.json.details.firstAllowedDate,
      reason: refused.json.message.zh,
    });
    expect(standing(never)).toMatchObject({ eligible: false, code: 'not_repairable' });
    expect(refused.status).toBe(422);
  });

  it('say a penalty with a pending application cannot be filed again, and a licence has no standing', async ({
    api,
    agency,
    entity,
  }) => {
    const pending = await api.publishedPenalty(agency, entity);
    const repairId = await api.repaired(entity, pending);

    const mine = await api.list(entity.token, '/v1/entity/records');
    const record = mine.find((r) => r.id === pending);
    await api.decideRepair(agency.token, repairId, APPROVE);
    const after = await api.list(entity.token, '/v1/entity/records');

    expect(record.repair).toMatchObject({ eligible: false, code: 'repair_pending' });
    expect(after.find((r) => r.id === pending)).toBeUndefined();
  });
});

describe("a person's own records", () => {
  it('carry the same standing', async ({ api, agency, person }) => {
    const old = await api.personPenalty(agency, person);
    const recent = await api.personPenalty(agency, person, RECENTLY);

    const mine = await api.list(person.token, '/v1/person/records');

    expect(mine.find((r) => r.id === old)?.repair).toMatchObject({ eligible: true });
    expect(mine.find((r) => r.id === recent)?.repair).toMatchObject({
      eligible: false,
      code: 'minimum_period_not_over',
    });
  });
});
