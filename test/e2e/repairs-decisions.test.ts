import { describe, expect, it } from '../support/e2e.ts';
import { expectProblem } from '../support/http.ts';
import { APPROVE, objectionBody, REFUSE_REPAIR } from '../support/workflow-mothers.ts';

describe('a repair application rejected', () => {
  let recordId: string;
  let repairId: string;

  it.beforeAll(async ({ api, agency, entity }) => {
    recordId = await api.publishedPenalty(agency, entity);
    repairId = await api.repaired(entity, recordId);
  });

  it('is decided with reasons the entity can read, and the record stays public as it was', async ({
    api,
    agency,
    entity,
  }) => {
    const before = await api.publicRecord(recordId);

    const decided = await api.decideRepair(agency.token, repairId, REFUSE_REPAIR);
    const [seen, after] = await Promise.all([api.repair(entity.token, repairId), api.publicRecord(recordId)]);

    expect(decided.status).toBe(200);
    expect(seen.json).toMatchObject({
      status: 'rejected',
      decision: { outcome: 'rejected', reason: REFUSE_REPAIR.reason, at: expect.any(String) },
    });
    expect(after.status).toBe(200);
    expect(after.json).toEqual(before.json);
  });

  it('lets the entity object to the repair result, and the public sees the record labelled', async ({
    api,
    entity,
  }) => {
    const answer = await api.object(entity, objectionBody(recordId, { reason: 'repair_result' }));
    const detail = await api.publicRecord(recordId);

    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ reason: 'repair_result', status: 'pending', recordId });
    expect(detail.json.objection).toEqual({ status: 'pending', filedAt: answer.json.filedAt });
  });
});

describe('a repair application approved', () => {
  it('serves the decision document as JSON when asked for JSON, and refuses an unknown format naming query.format', async ({
    api,
    agency,
    entity,
  }) => {
    const repairId = await api.repaired(entity, await api.publishedPenalty(agency, entity));
    await api.decideRepair(agency.token, repairId, APPROVE);
    const path = `/v1/repairs/${repairId}/decision-document`;

    const [explicit, unknown] = await Promise.all([
      api.send('GET', `${path}?format=json`, { token: entity.token, headers: { accept: 'text/html' } }),
      api.send('GET', `${path}?format=pdf`, { token: entity.token }),
    ]);

    expect(explicit.headers.get('content-type')).toMatch(/^application\/json/);
    expect(explicit.json).toMatchObject({
      repairId,
      outcome: 'approved',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expectProblem(unknown, 400, 'validation_failed', 'query.format');
  });
});
