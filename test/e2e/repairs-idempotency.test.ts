import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../support/http.ts';
import { startTestService, type TestService } from '../support/local-service.ts';
import {
  anAgencyParty,
  anEntityParty,
  objectionBody,
  type Party,
  repairBody,
  type WorkflowClient,
  workflowClient,
} from '../support/workflow-mothers.ts';

let service: TestService;
let api: WorkflowClient;
let agency: Party;
let entity: Party;

beforeAll(async () => {
  service = await startTestService();
  api = workflowClient(service);
  [agency, entity] = await Promise.all([anAgencyParty(service), anEntityParty(service)]);
});
afterAll(() => service.stop());

const keyed = (key: string) => ({ 'idempotency-key': key });
const repairsOn = async (recordId: string) =>
  (await api.list(entity.token, '/v1/entity/repairs')).filter((r) => r.recordId === recordId);

describe('POST /v1/repairs with an Idempotency-Key', () => {
  it('answers a retry with the first 201 and the same application, marked as replayed, filing one', async () => {
    const recordId = await api.publishedPenalty(agency, entity);
    const key = randomUUID();

    const first = await api.fileRepair(entity, repairBody(recordId), keyed(key));
    const retry = await api.fileRepair(entity, repairBody(recordId), keyed(key));

    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.json).toEqual(first.json);
    expect(await repairsOn(recordId)).toHaveLength(1);
  });

  it('answers a retry with the first 201 even after the application was decided meanwhile', async () => {
    const recordId = await api.publishedPenalty(agency, entity);
    const key = randomUUID();
    const first = await api.fileRepair(entity, repairBody(recordId), keyed(key));
    await api.decideRepair(agency.token, first.json.id, { outcome: 'rejected', reason: '材料不全' });

    const retry = await api.fileRepair(entity, repairBody(recordId), keyed(key));

    expect(retry.status).toBe(201);
    expect(retry.json).toEqual(first.json);
    expect(await repairsOn(recordId)).toHaveLength(1);
  });

  it('refuses the same key with another body with 422 idempotency_key_reused, filing nothing', async () => {
    const [recordA, recordB] = await Promise.all([
      api.publishedPenalty(agency, entity),
      api.publishedPenalty(agency, entity),
    ]);
    const key = randomUUID();
    await api.fileRepair(entity, repairBody(recordA), keyed(key));

    const reused = await api.fileRepair(entity, repairBody(recordB), keyed(key));

    expectProblem(reused, 422, 'idempotency_key_reused', 'idempotency-key');
    expect(await repairsOn(recordB)).toHaveLength(0);
  });

  it('refuses the key of an objection reused for a repair application with 422 idempotency_key_reused', async () => {
    const recordId = await api.publishedPenalty(agency, entity);
    const key = randomUUID();
    await api.object(entity, objectionBody(recordId), keyed(key));

    const reused = await api.fileRepair(entity, repairBody(recordId), keyed(key));

    expectProblem(reused, 422, 'idempotency_key_reused', 'idempotency-key');
    expect(await repairsOn(recordId)).toHaveLength(0);
  });

  it.each([
    ['a key with a slash', 'a/b'],
    ['an empty key', ''],
  ])('refuses %s with 400 invalid_idempotency_key, filing nothing', async (_, key) => {
    const recordId = await api.publishedPenalty(agency, entity);

    const answer = await api.fileRepair(entity, repairBody(recordId), keyed(key));

    expectProblem(answer, 400, 'invalid_idempotency_key', 'idempotency-key');
    expect(await repairsOn(recordId)).toHaveLength(0);
  });
});
