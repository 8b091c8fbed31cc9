import { randomUUID } from 'node:crypto';
import { describe, expect, it, type World } from '../support/e2e.ts';
import { expectProblem } from '../support/http.ts';
import { objectionBody, repairBody } from '../support/workflow-mothers.ts';

const keyed = (key: string) => ({ 'idempotency-key': key });
const repairsOn = async ({ api, entity }: Pick<World, 'api' | 'entity'>, recordId: string) =>
  (await api.list(entity.token, '/v1/entity/repairs')).filter((r) => r.recordId === recordId);

describe('POST /v1/repairs with an Idempotency-Key', () => {
  it('answers a retry with the first 201 and the same application, marked as replayed, filing one', async ({
    api,
    agency,
    entity,
  }) => {
    const recordId = await api.publishedPenalty(agency, entity);
    const key = randomUUID();

    const first = await api.fileRepair(entity, repairBody(recordId), keyed(key));
    const retry = await api.fileRepair(entity, repairBody(recordId), keyed(key));

    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.json).toEqual(first.json);
    expect(await repairsOn({ api, entity }, recordId)).toHaveLength(1);
  });

  it('answers a retry with the first 201 even after the application was decided meanwhile', async ({
    api,
    agency,
    entity,
  }) => {
    const recordId = await api.publishedPenalty(agency, entity);
    const key = randomUUID();
    const first = await api.fileRepair(entity, repairBody(recordId), keyed(key));
    await api.decideRepair(agency.token, first.json.id, { outcome: 'rejected', reason: '材料不全' });

    const retry = await api.fileRepair(entity, repairBody(recordId), keyed(key));

    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(await repairsOn({ api, entity }, recordId)).toHaveLength(1);
  });

  it('refuses the same key with another body with 422 idempotency_key_reused, filing nothing', async ({
    api,
    agency,
    entity,
  }) => {
    const [recordA, recordB] = await Promise.all([
      api.publishedPenalty(agency, entity),
      api.publishedPenalty(agency, entity),
    ]);
    const key = randomUUID();
    await api.fileRepair(entity, repairBody(recordA), keyed(key));

    const reused = await api.fileRepair(entity, repairBody(recordB), keyed(key));

    expectProblem(reused, 422, 'idempotency_key_reused', 'idempotency-key');
    expect(await repairsOn({ api, entity }, recordB)).toHaveLength(0);
  });

  it('refuses the key of an objection reused for a repair application with 422 idempotency_key_reused', async ({
    api,
    agency,
    entity,
  }) => {
    const recordId = await api.publishedPenalty(agency, entity);
    const key = randomUUID();
    await api.object(entity, objectionBody(recordId), keyed(key));

    const reused = await api.fileRepair(entity, repairBody(recordId), keyed(key));

    expectProblem(reused, 422, 'idempotency_key_reused', 'idempotency-key');
    expect(await repairsOn({ api, entity }, recordId)).toHaveLength(0);
  });

  it.for<[string, string]>([
    ['a key with a slash', 'a/b'],
    ['an empty key', ''],
  ])(
    'refuses %s with 400 invalid_idempotency_key, filing nothing',
    async ([, key], { api, agency, entity }) => {
      const recordId = await api.publishedPenalty(agency, entity);

      const answer = await api.fileRepair(entity, repairBody(recordId), keyed(key));

      expectProblem(answer, 400, 'invalid_idempotency_key', 'idempotency-key');
      expect(await repairsOn({ api, entity }, recordId)).toHaveLength(0);
    },
  );
});
