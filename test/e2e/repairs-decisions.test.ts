import { describe, expect, it, type World } from '../support/e2e.ts';
import { expectProblem } from '../support/http.ts';
import { APPROVE, objectionBody, REFUSE_REPAIR, REJECT, repairBody } from '../support/workflow-mothers.ts';

const agencyList = async ({ api, agency }: Pick<World, 'api' | 'agency'>, status: string) =>
  (await api.list(agency.token, `/v1/agency/repairs?status=${status}`)).map((r) => r.id);

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

  it('moves from the agency’s pending list to its rejected list and writes a repair-decided event', async ({
    api,
    agency,
    entity,
    admin,
  }) => {
    const [pending, rejected, approved] = await Promise.all([
      agencyList({ api, agency }, 'pending'),
      agencyList({ api, agency }, 'rejected'),
      agencyList({ api, agency }, 'approved'),
    ]);
    const events = await api.list(admin, '/v1/admin/events?type=repair-decided');

    expect(pending).not.toContain(repairId);
    expect(rejected).toContain(repairId);
    expect(approved).not.toContain(repairId);
    expect(events.find((e) => e.subject.id === repairId)).toMatchObject({
      subject: { entity: entity.uscc },
      data: { outcome: 'rejected' },
    });
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

  it('lets the entity apply again, the first application no longer pending', async ({ api, entity }) => {
    const again = await api.fileRepair(entity, repairBody(recordId));

    expect(again.status).toBe(201);
    expect(again.json.id).not.toBe(repairId);
  });
});

describe('a repair application approved', () => {
  it('lists the application as approved and leaves no objection or new application possible', async ({
    api,
    agency,
    entity,
  }) => {
    const recordId = await api.publishedPenalty(agency, entity);
    const repairId = await api.repaired(entity, recordId);
    await api.decideRepair(agency.token, repairId, APPROVE);

    const [objection, again, record] = await Promise.all([
      api.object(entity, objectionBody(recordId)),
      api.fileRepair(entity, repairBody(recordId)),
      api.send('GET', `/v1/records/${recordId}`, { token: agency.token }),
    ]);

    expect(await agencyList({ api, agency }, 'approved')).toContain(repairId);
    expectProblem(objection, 422, 'record_not_public', 'body.recordId');
    expectProblem(again, 422, 'repair_not_applicable', 'body.recordId');
    expect(record.json).toMatchObject({ status: 'published', publicationEnd: { reason: 'repaired' } });
    expect(record.json.repair).toBeUndefined();
  });

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

  it('keeps the record out of public view when an objection pending meanwhile is decided afterwards', async ({
    api,
    agency,
    entity,
  }) => {
    const recordId = await api.publishedPenalty(agency, entity);
    const objectionId = await api.objected(entity, recordId);
    const repairId = await api.repaired(entity, recordId);
    await api.decideRepair(agency.token, repairId, APPROVE);

    const decided = await api.decideObjection(agency.token, objectionId, REJECT);

    expect(decided.status).toBe(200);
    expectProblem(await api.publicRecord(recordId), 404, 'disclosure_not_found');
    expect(await api.publicIds({ uscc: entity.uscc })).not.toContain(recordId);
  });
});
