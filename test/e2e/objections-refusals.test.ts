import { describe, expect, it, type WorkflowClient } from '../support/e2e.ts';
import { expectProblem, refusalOf } from '../support/http.ts';
import {
  evidenceOf,
  objectionBody,
  penaltyAgainst,
  REJECT,
  revocationBody,
} from '../support/workflow-mothers.ts';

/** A published penalty about `entity`, with an objection pending. */
let recordId: string;
let objectionId: string;

/** Well-formed ids that no record or objection has. */
const MISSING_RECORD = 'rec_0123456789abcdefghjkmnpqrs';
const MISSING_OBJECTION = 'obj_0123456789abcdefghjkmnpqrs';

it.beforeAll(async ({ api, agency, entity }) => {
  recordId = await api.publishedPenalty(agency, entity);
  objectionId = await api.objected(entity, recordId);
});

/** Every objection route, as [label, method, path, body] for an objection id. */
const routes = (id: string): [string, string, string, unknown][] => [
  ['POST /v1/objections', 'POST', '/v1/objections', objectionBody(recordId)],
  ['GET /v1/objections/{id}', 'GET', `/v1/objections/${id}`, undefined],
  [
    'POST /v1/objections/{id}/acceptance',
    'POST',
    `/v1/objections/${id}/acceptance`,
    { needsOtherUnit: true },
  ],
  ['POST /v1/objections/{id}/decision', 'POST', `/v1/objections/${id}/decision`, REJECT],
  ['GET /v1/agency/objections', 'GET', '/v1/agency/objections', undefined],
  ['GET /v1/entity/objections', 'GET', '/v1/entity/objections', undefined],
];
const byLabel = (id: string, label: string) =>
  routes(id).find(([l]) => l === label) as [string, string, string, unknown];

const send = (api: WorkflowClient, method: string, path: string, body: unknown, token?: string) =>
  api.send(method, path, { token, body });

describe('another entity', () => {
  it('is refused an objection to a record not about it, exactly as for a record that does not exist', async ({
    api,
    otherEntity,
  }) => {
    const theirs = await api.object(otherEntity, objectionBody(recordId));
    const missing = await api.object(otherEntity, objectionBody(MISSING_RECORD));

    expectProblem(theirs, 403, 'record_not_accessible');
    expect(refusalOf(theirs)).toEqual(refusalOf(missing));
  });

  it('cannot read the objection, and is told nothing it could not learn from a missing id', async ({
    api,
    otherEntity,
  }) => {
    const theirs = await api.objection(otherEntity.token, objectionId);
    const missing = await api.objection(otherEntity.token, MISSING_OBJECTION);

    expectProblem(theirs, 403, 'objection_not_accessible');
    expect(refusalOf(theirs)).toEqual(refusalOf(missing));
  });

  it.for<[string, boolean]>([
    ['registered but unpublished', false],
    ['revoked', true],
  ])(
    'is refused a %s record about someone else with 403, not the 422 its owner would get',
    async ([, published], { api, agency, entity, otherEntity }) => {
      const id = published
        ? await api.publishedPenalty(agency, entity)
        : await api.register(agency, penaltyAgainst(entity.uscc), false);
      if (published) await send(api, 'POST', `/v1/records/${id}/revocations`, revocationBody(), agency.token);

      const theirs = await api.object(otherEntity, objectionBody(id));
      const missing = await api.object(otherEntity, objectionBody(MISSING_RECORD));

      expectProblem(theirs, 403, 'record_not_accessible');
      expect(refusalOf(theirs)).toEqual(refusalOf(missing));
    },
  );

  it('never sees the objection in its own list', async ({ api, otherEntity }) => {
    const mine = await api.list(otherEntity.token, '/v1/entity/objections');

    expect(mine.map((o) => o.id)).not.toContain(objectionId);
  });
});

describe('another agency', () => {
  it.for([
    'GET /v1/objections/{id}',
    'POST /v1/objections/{id}/acceptance',
    'POST /v1/objections/{id}/decision',
  ])(
    '%s answers 403 objection_not_accessible, exactly as for an objection that does not exist',
    async (label, { api, otherAgency }) => {
      const [, method, path, body] = byLabel(objectionId, label);
      const [, , missingPath] = byLabel(MISSING_OBJECTION, label);

      const theirs = await send(api, method, path, body, otherAgency.token);
      const missing = await send(api, method, missingPath, body, otherAgency.token);

      expectProblem(theirs, 403, 'objection_not_accessible');
      expect(refusalOf(theirs)).toEqual(refusalOf(missing));
    },
  );

  it('never sees the objection in its pending list, and the record keeps its label', async ({
    api,
    otherAgency,
  }) => {
    const theirs = await api.list(otherAgency.token, '/v1/agency/objections?status=pending');
    const detail = await api.publicRecord(recordId);

    expect(theirs.map((o) => o.id)).not.toContain(objectionId);
    expect(detail.json.objection).toMatchObject({ status: 'pending' });
  });
});

describe('objections the record does not admit', () => {
  it('refuses a second objection while one is pending with 409 objection_pending, naming the first', async ({
    api,
    entity,
  }) => {
    const answer = await api.object(entity, objectionBody(recordId, { reason: 'period' }));
    const mine = await api.list(entity.token, '/v1/entity/objections');

    expectProblem(answer, 409, 'objection_pending', 'body.recordId');
    expect(answer.json.details).toEqual({ objectionId });
    expect(mine.filter((o) => o.recordId === recordId)).toHaveLength(1);
  });
});

describe('an objection filed again after it was rejected', () => {
  it('is refused as 422 objection_repeated every round, and the record shows no 异议处理中 label', async ({
    api,
    agency,
    entity,
  }) => {
    const record = await api.publishedPenalty(agency, entity);
    const first = await api.objected(entity, record);
    const decided = await api.decideObjection(agency.token, first, REJECT);

    const rounds = [];
    for (let round = 0; round < 5; round++) rounds.push(await api.object(entity, objectionBody(record)));
    const shown = await api.publicRecord(record);
    const mine = await api.list(entity.token, '/v1/entity/objections');

    expect(decided.status).toBe(200);
    for (const answer of rounds) expectProblem(answer, 422, 'objection_repeated', 'body.statement');
    expect(rounds[0]?.json.details).toEqual({ rejectedObjectionId: first });
    expect(shown.json.objection).toBeUndefined();
    expect(mine.filter((o) => o.recordId === record)).toHaveLength(1);
  });

  it('is taken with new evidence, and shows 异议处理中 only once the agency accepts it', async ({
    api,
    agency,
    entity,
  }) => {
    const record = await api.publishedPenalty(agency, entity);
    await api.decideObjection(agency.token, await api.objected(entity, record), REJECT);

    const refiled = await api.object(
      entity,
      objectionBody(record, { evidence: [evidenceOf('银行缴款回单')] }),
    );
    const beforeAcceptance = await api.publicRecord(record);
    const accepted = await api.accept(agency, refiled.json.id, false);
    const afterAcceptance = await api.publicRecord(record);

    expect(refiled.status).toBe(201);
    expect(beforeAcceptance.json.objection).toBeUndefined();
    expect(accepted.status).toBe(200);
    expect(afterAcceptance.json.objection).toEqual({ status: 'pending', filedAt: refiled.json.filedAt });
  });
});
