import { addDays } from '../../shared/domain/dates.ts';
import { describe, expect, it, type WorkflowClient } from '../support/e2e.ts';
import { expectProblem, refusalOf } from '../support/http.ts';
import {
  APPROVE,
  daysAgo,
  licenseAgainst,
  penaltyAgainst,
  plusMonths,
  RECENTLY,
  repairBody,
} from '../support/workflow-mothers.ts';

/** A repairable penalty about `entity`, with a repair application pending. */
let recordId: string;
let repairId: string;

/** Well-formed ids that no record or repair application has. */
const MISSING_RECORD = 'rec_0123456789abcdefghjkmnpqrs';
const MISSING_REPAIR = 'rep_0123456789abcdefghjkmnpqrs';

it.beforeAll(async ({ api, agency, entity }) => {
  recordId = await api.publishedPenalty(agency, entity);
  repairId = await api.repaired(entity, recordId);
});

/** Every repair route, as [label, method, path, body] for a repair id. */
const routes = (id: string): [string, string, string, unknown][] => [
  ['POST /v1/repairs', 'POST', '/v1/repairs', repairBody(MISSING_RECORD)],
  ['GET /v1/repairs/{id}', 'GET', `/v1/repairs/${id}`, undefined],
  ['POST /v1/repairs/{id}/decision', 'POST', `/v1/repairs/${id}/decision`, APPROVE],
  ['GET /v1/repairs/{id}/decision-document', 'GET', `/v1/repairs/${id}/decision-document`, undefined],
  ['GET /v1/agency/repairs', 'GET', '/v1/agency/repairs', undefined],
  ['GET /v1/entity/repairs', 'GET', '/v1/entity/repairs', undefined],
];
const byLabel = (id: string, label: string) =>
  routes(id).find(([l]) => l === label) as [string, string, string, unknown];
const send = (api: WorkflowClient, method: string, path: string, body: unknown, token?: string) =>
  api.send(method, path, { token, body });
describe('another entity or agency', () => {
  it("refuses another entity's application for a record not about it, as for a record that does not exist", async ({
    api,
    otherEntity,
  }) => {
    const theirs = await api.fileRepair(otherEntity, repairBody(recordId));
    const missing = await api.fileRepair(otherEntity, repairBody(MISSING_RECORD));

    expectProblem(theirs, 403, 'record_not_accessible');
    expect(refusalOf(theirs)).toEqual(refusalOf(missing));
  });

  it("refuses another entity's license or unpublished penalty with 403, not the 422 its owner would get", async ({
    api,
    agency,
    entity,
    otherEntity,
  }) => {
    const ids = await Promise.all([
      api.register(agency, licenseAgainst(entity.uscc)),
      api.register(agency, penaltyAgainst(entity.uscc), false),
    ]);

    const answers = await Promise.all(ids.map((id) => api.fileRepair(otherEntity, repairBody(id))));

    for (const answer of answers) expectProblem(answer, 403, 'record_not_accessible');
  });

  it.for(['GET /v1/repairs/{id}', 'GET /v1/repairs/{id}/decision-document'])(
    '%s answers 403 repair_not_accessible to another entity, as for an application that does not exist',
    async (label, { api, otherEntity }) => {
      const [, method, path] = byLabel(repairId, label);
      const [, , missingPath] = byLabel(MISSING_REPAIR, label);

      const theirs = await send(api, method, path, undefined, otherEntity.token);
      const missing = await send(api, method, missingPath, undefined, otherEntity.token);

      expectProblem(theirs, 403, 'repair_not_accessible');
      expect(refusalOf(theirs)).toEqual(refusalOf(missing));
    },
  );

  it.for([
    'GET /v1/repairs/{id}',
    'POST /v1/repairs/{id}/decision',
    'GET /v1/repairs/{id}/decision-document',
  ])(
    '%s answers 403 repair_not_accessible to another agency, as for an application that does not exist',
    async (label, { api, otherAgency }) => {
      const [, method, path, body] = byLabel(repairId, label);
      const [, , missingPath] = byLabel(MISSING_REPAIR, label);

      const theirs = await send(api, method, path, body, otherAgency.token);
      const missing = await send(api, method, missingPath, body, otherAgency.token);

      expectProblem(theirs, 403, 'repair_not_accessible');
      expect(refusalOf(theirs)).toEqual(refusalOf(missing));
    },
  );

  it('leaves the application pending and the record public after the refused attempts', async ({
    api,
    entity,
  }) => {
    const [seen, detail] = await Promise.all([
      api.repair(entity.token, repairId),
      api.publicRecord(recordId),
    ]);

    expect(seen.json.status).toBe('pending');
    expect(detail.status).toBe(200);
  });
});

describe('records that may not be repaired now', () => {
  it('refuses a general penalty before its 3-month minimum, naming the first date a filing is allowed', async ({
    api,
    agency,
    entity,
  }) => {
    const decisionDate = daysAgo(RECENTLY);
    const id = await api.register(agency, penaltyAgainst(entity.uscc, RECENTLY));

    const answer = await api.fileRepair(entity, repairBody(id));

    expectProblem(answer, 422, 'minimum_period_not_over', 'body.recordId');
    expect(answer.json.details).toMatchObject({ firstAllowedDate: addDays(plusMonths(decisionDate, 3), 1) });
  });

  it('refuses a commitment signed in the future with 422 naming commitment.signedAt', async ({
    api,
    agency,
    entity,
  }) => {
    const id = await api.publishedPenalty(agency, entity);
    const body = repairBody(id, { commitment: { text: '承诺', signedAt: addDays(daysAgo(0), 1) } });

    expectProblem(await api.fileRepair(entity, body), 422, 'commitment_date', 'body.commitment.signedAt');
  });
});

describe('decisions and decision documents', () => {
  it('has no decision document while the application is pending: 404 no_decision_document', async ({
    api,
    entity,
  }) => {
    const answer = await api.send('GET', `/v1/repairs/${repairId}/decision-document`, {
      token: entity.token,
    });

    expectProblem(answer, 404, 'no_decision_document');
  });
});
