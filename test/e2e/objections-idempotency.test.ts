import { randomUUID } from 'node:crypto';
import { describe, expect, it, type Party, type WorkflowClient, type World } from '../support/e2e.ts';
import { expectProblem } from '../support/http.ts';
import { allPages } from '../support/record-mothers.ts';
import { aPersonId, objectionBody, penaltyAgainst, REJECT } from '../support/workflow-mothers.ts';

const aKey = () => `retry-${randomUUID()}`;
const keyed = (key: string) => ({ 'idempotency-key': key });
const INVALID_KEYS: [string, string][] = [
  ['a key with spaces', 'two words'],
  ['a key of 129 characters', 'k'.repeat(129)],
];
const objectionsOn = async (api: WorkflowClient, party: Party, recordId: string) =>
  (await api.list(party.token, '/v1/entity/objections')).filter((o) => o.recordId === recordId);

describe('POST /v1/objections with an Idempotency-Key', () => {
  it('answers a retry with the first 201 and the same objection, marked as replayed, filing one', async ({
    api,
    agency,
    entity,
  }) => {
    const recordId = await api.publishedPenalty(agency, entity);
    const key = aKey();

    const first = await api.object(entity, objectionBody(recordId), keyed(key));
    const retry = await api.object(entity, objectionBody(recordId), keyed(key));

    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    expect(retry.json).toEqual(first.json);
    expect(await objectionsOn(api, entity, recordId)).toHaveLength(1);
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
    const key = aKey();
    await api.object(entity, objectionBody(recordA), keyed(key));

    const reused = await api.object(entity, objectionBody(recordB), keyed(key));

    expectProblem(reused, 422, 'idempotency_key_reused', 'idempotency-key');
    expect(await objectionsOn(api, entity, recordB)).toHaveLength(0);
  });

  it.for(INVALID_KEYS)(
    'refuses %s with 400 invalid_idempotency_key, filing nothing',
    async ([, key], { api, agency, entity }) => {
      const recordId = await api.publishedPenalty(agency, entity);

      const answer = await api.object(entity, objectionBody(recordId), keyed(key));

      expectProblem(answer, 400, 'invalid_idempotency_key', 'idempotency-key');
      expect(await objectionsOn(api, entity, recordId)).toHaveLength(0);
    },
  );

  it("keeps each entity's keys apart: another entity's same key files its own objection", async ({
    api,
    agency,
    entity,
    otherEntity,
  }) => {
    const [mine, theirs] = await Promise.all([
      api.publishedPenalty(agency, entity),
      api.publishedPenalty(agency, otherEntity),
    ]);
    const key = aKey();
    const first = await api.object(entity, objectionBody(mine), keyed(key));

    const other = await api.object(otherEntity, objectionBody(theirs), keyed(key));

    expect(other.status).toBe(201);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(other.json.id).not.toBe(first.json.id);
    expect(other.json.entity).toBe(otherEntity.uscc);
  });

  it("keeps each person's keys apart, even for two tokens with the same subject", async ({
    api,
    agency,
    service,
  }) => {
    // `sub` is free text locally: the scope must be the person's ID number, not the subject.
    const sameSubject = async (idNumber: string) => ({
      idNumber,
      token: await service.token(`--role person --id ${idNumber} --sub same-subject`),
    });
    const [one, two] = await Promise.all([sameSubject(aPersonId()), sameSubject(aPersonId())]);
    const [mine, theirs] = await Promise.all([
      api.personPenalty(agency, one),
      api.personPenalty(agency, two),
    ]);
    const key = aKey();
    const first = await api.object(one, objectionBody(mine), keyed(key));

    const other = await api.object(two, objectionBody(theirs), keyed(key));

    expect(first.status).toBe(201);
    expect(other.status).toBe(201);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(other.json.id).not.toBe(first.json.id);
    expect(other.json.recordId).toBe(theirs);
  });

  it('does the work afresh on a retry after a refusal: only successful answers are kept', async ({
    api,
    agency,
    entity,
  }) => {
    const recordId = await api.register(agency, penaltyAgainst(entity.uscc), false);
    const key = aKey();
    const refused = await api.object(entity, objectionBody(recordId), keyed(key));
    await api.send('POST', `/v1/records/${recordId}/publish`, { token: agency.token });

    const retry = await api.object(entity, objectionBody(recordId), keyed(key));

    expectProblem(refused, 422, 'record_not_public');
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
  });

  it('files one objection when five requests with the same key arrive at once', async ({
    api,
    agency,
    entity,
  }) => {
    const recordId = await api.publishedPenalty(agency, entity);
    const key = aKey();

    const answers = await Promise.all(
      Array.from({ length: 5 }, () => api.object(entity, objectionBody(recordId), keyed(key))),
    );

    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.json.id)).size).toBe(1);
    for (const other of answers.filter((a) => a.status !== 201)) {
      expectProblem(other, 409, 'idempotency_in_progress', 'idempotency-key');
    }
    expect(await objectionsOn(api, entity, recordId)).toHaveLength(1);
  });
});

describe('POST /v1/objections/{id}/decision with an Idempotency-Key', () => {
  it('answers a retried decision with the first 200, not 409 objection_already_decided', async ({
    api,
    agency,
    entity,
  }) => {
    const objectionId = await api.objected(entity, await api.publishedPenalty(agency, entity));
    const key = aKey();
    const decide = () =>
      api.send('POST', `/v1/objections/${objectionId}/decision`, {
        token: agency.token,
        body: REJECT,
        headers: keyed(key),
      });

    const first = await decide();
    const retry = await decide();

    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.json).toEqual(first.json);
  });
});

describe('POST /v1/records with an Idempotency-Key', () => {
  const registeredIds = async ({ service, agency }: Pick<World, 'service' | 'agency'>) =>
    (await allPages(service.url, '/v1/agency/records?status=published', { token: agency.token })).items.map(
      (r) => r.id,
    );
  const register = ({ api, agency }: Pick<World, 'api' | 'agency'>, body: unknown, key: string) =>
    api.send('POST', '/v1/records', { token: agency.token, body, headers: keyed(key) });

  it('answers a retry with the first 201 and the same record, marked as replayed, registering one', async ({
    service,
    api,
    agency,
    entity,
  }) => {
    const body = { ...penaltyAgainst(entity.uscc), publish: true };
    const key = aKey();
    const before = await registeredIds({ service, agency });

    const first = await register({ api, agency }, body, key);
    const retry = await register({ api, agency }, body, key);

    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.json).toEqual(first.json);
    expect(await registeredIds({ service, agency })).toEqual(
      expect.arrayContaining([...before, first.json.id]),
    );
    expect((await registeredIds({ service, agency })).length).toBe(before.length + 1);
  });

  it('refuses the same key with another body with 422 idempotency_key_reused, registering nothing', async ({
    service,
    api,
    agency,
    entity,
  }) => {
    const key = aKey();
    await register({ api, agency }, { ...penaltyAgainst(entity.uscc), publish: true }, key);
    const before = await registeredIds({ service, agency });

    const reused = await register({ api, agency }, { ...penaltyAgainst(entity.uscc), publish: true }, key);

    expectProblem(reused, 422, 'idempotency_key_reused', 'idempotency-key');
    expect((await registeredIds({ service, agency })).length).toBe(before.length);
  });

  it.for(INVALID_KEYS)(
    'refuses %s with 400 invalid_idempotency_key',
    async ([, key], { api, agency, entity }) => {
      const answer = await register({ api, agency }, { ...penaltyAgainst(entity.uscc), publish: true }, key);

      expectProblem(answer, 400, 'invalid_idempotency_key', 'idempotency-key');
    },
  );
});
