import { describe, expect, it, type World } from '../support/e2e.ts';
import { expectProblem } from '../support/http.ts';
import { REJECT, UPHOLD_WITH_REVOKE } from '../support/workflow-mothers.ts';

/** A published penalty about the entity, its public view before any objection, and an objection pending. */
async function objectedRecord({ api, agency, entity }: Pick<World, 'api' | 'agency' | 'entity'>) {
  const recordId = await api.publishedPenalty(agency, entity);
  const before = (await api.publicRecord(recordId)).json;
  return { recordId, before, objectionId: await api.objected(entity, recordId) };
}

const agencyRecord = ({ api, agency }: Pick<World, 'api' | 'agency'>, id: string) =>
  api.send('GET', `/v1/records/${id}`, { token: agency.token });
const decidedEvent = async ({ api, admin }: Pick<World, 'api' | 'admin'>, id: string) =>
  (await api.list(admin, '/v1/admin/events?type=objection-decided')).find((e) => e.subject.id === id);

describe('an objection rejected', () => {
  it('leaves the record exactly as it was before the objection, label cleared, and tells the entity why', async ({
    api,
    agency,
    entity,
    admin,
  }) => {
    const { recordId, before, objectionId } = await objectedRecord({ api, agency, entity });

    const decided = await api.decideObjection(agency.token, objectionId, REJECT);
    const [after, seen, event] = await Promise.all([
      api.publicRecord(recordId),
      api.objection(entity.token, objectionId),
      decidedEvent({ api, admin }, objectionId),
    ]);

    expect(decided.status).toBe(200);
    expect(after.json).toEqual(before);
    expect(seen.json.decision).toEqual({
      outcome: 'rejected',
      reason: REJECT.reason,
      at: expect.any(String),
      effect: 'none',
    });
    expect(event).toMatchObject({
      subject: { entity: entity.uscc },
      data: { outcome: 'rejected', effect: 'none' },
    });
  });
});

describe('an objection upheld with a revocation', () => {
  it('takes the record out of public view and revokes it for the agency, giving the reason', async ({
    api,
    agency,
    entity,
  }) => {
    const { recordId, objectionId } = await objectedRecord({ api, agency, entity });

    const decided = await api.decideObjection(agency.token, objectionId, UPHOLD_WITH_REVOKE);
    const [detail, found, record] = await Promise.all([
      api.publicRecord(recordId),
      api.publicIds({ uscc: entity.uscc }),
      agencyRecord({ api, agency }, recordId),
    ]);

    expect(decided.json.decision).toMatchObject({ outcome: 'upheld', effect: 'revoked' });
    expect(decided.json.decision.recordVersion).toBeUndefined();
    expectProblem(detail, 404, 'disclosure_not_found');
    expect(found).not.toContain(recordId);
    expect(record.json).toMatchObject({
      status: 'revoked',
      revocation: { reason: expect.stringContaining(UPHOLD_WITH_REVOKE.reason) },
    });
    expect(record.json.objection).toBeUndefined();
  });
});

describe('an objection upheld with a correction', () => {
  it('moves the record in the name search from the old name to the corrected one', async ({
    api,
    agency,
    entity,
  }) => {
    const { recordId, objectionId } = await objectedRecord({ api, agency, entity });
    const correction = { subject: { name: '济南市济阳区更名后商贸有限公司' } };

    const decided = await api.decideObjection(agency.token, objectionId, {
      outcome: 'upheld',
      reason: '名称登记错误',
      correction,
    });
    const [oldName, newName, detail] = await Promise.all([
      api.publicIds({ name: '异议修复测试' }),
      api.publicIds({ name: '更名后商贸' }),
      api.publicRecord(recordId),
    ]);

    expect(decided.status).toBe(200);
    expect(oldName).not.toContain(recordId);
    expect(newName).toContain(recordId);
    expect(detail.json.history[0].changedFields).toEqual(['subject.name']);
  });

  it('takes the record out of public view when the corrected record is one the public may not see', async ({
    api,
    agency,
    entity,
  }) => {
    const { recordId, objectionId } = await objectedRecord({ api, agency, entity });
    const correction = { penalty: { procedure: 'simplified' } };

    const decided = await api.decideObjection(agency.token, objectionId, {
      outcome: 'upheld',
      reason: '适用简易程序',
      correction,
    });

    expect(decided.json.decision).toMatchObject({ effect: 'corrected', recordVersion: 2 });
    expectProblem(await api.publicRecord(recordId), 404, 'disclosure_not_found');
  });

  it('refuses a correction that changes nothing with 422 naming body.correction, and leaves the objection pending', async ({
    api,
    agency,
    entity,
  }) => {
    const { recordId, objectionId } = await objectedRecord({ api, agency, entity });
    const { json: record } = await agencyRecord({ api, agency }, recordId);
    const correction = { penalty: { fineAmount: record.record.penalty.fineAmount } };

    const answer = await api.decideObjection(agency.token, objectionId, {
      outcome: 'upheld',
      reason: '更正',
      correction,
    });
    const seen = await api.objection(agency.token, objectionId);

    expectProblem(answer, 422, 'nothing_changed', 'body.correction');
    expect(seen.json.status).toBe('pending');
  });
});
