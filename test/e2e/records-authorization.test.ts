import { describe, expect, it, type TestService } from '../support/e2e.ts';
import { call, expectProblem, type HttpAnswer } from '../support/http.ts';
import { COMPANY, penaltyInput } from '../support/record-builders.ts';
import { allPages } from '../support/record-mothers.ts';
import { revocationBody } from '../support/workflow-mothers.ts';

// The owner is the file's `agency`, the stranger its `otherAgency`; the entity is the company
// the record builders name.
it.override('entity', ({ parties }) => parties.entity(COMPANY));

let recordId: string;

/** Well-formed, but no record has it. */
const MISSING_ID = 'rec_0123456789abcdefghjkmnpqrs';

it.beforeAll(async ({ service, agency: owner }) => {
  const registered = await call(service.url, 'POST', '/v1/records', {
    token: owner.token,
    body: penaltyInput(),
  });
  recordId = registered.json.id;
});

const CORRECTION = { reason: '更正', changes: { remarks: '他人更正' } };
const REVOCATION = revocationBody();

/** Every agency route, as [label, method, path, body] for a record id. */
const agencyRoutes = (id: string): [string, string, string, unknown][] => [
  ['POST /v1/records', 'POST', '/v1/records', penaltyInput()],
  ['POST /v1/records/batch', 'POST', '/v1/records/batch', [penaltyInput()]],
  ['GET /v1/records/{id}', 'GET', `/v1/records/${id}`, undefined],
  ['POST /v1/records/{id}/publish', 'POST', `/v1/records/${id}/publish`, undefined],
  ['POST /v1/records/{id}/corrections', 'POST', `/v1/records/${id}/corrections`, CORRECTION],
  ['POST /v1/records/{id}/revocations', 'POST', `/v1/records/${id}/revocations`, REVOCATION],
  ['GET /v1/agency/records', 'GET', '/v1/agency/records', undefined],
];

const send = (service: TestService, method: string, path: string, body: unknown, token?: string) =>
  call(service.url, method, path, { ...(token ? { token } : {}), ...(body === undefined ? {} : { body }) });

/** What a refusal says, without the request id that differs on every answer. */
const refusal = (answer: HttpAnswer) => {
  const { requestId: _, ...rest } = answer.json;
  return { status: answer.status, ...rest };
};

describe('agency routes for callers who are not agencies', () => {
  it.for(agencyRoutes(MISSING_ID))(
    '%s answers 401 without a token',
    async ([, method, path, body], { service }) => {
      const answer = await send(service, method, path, body);

      expectProblem(answer, 401, 'unauthenticated');
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
    },
  );

  it.for(agencyRoutes(MISSING_ID))(
    '%s answers 403 to an entity and to an admin',
    async ([, method, path, body], { service, entity, admin }) => {
      expectProblem(await send(service, method, path, body, entity.token), 403, 'forbidden');
      expectProblem(await send(service, method, path, body, admin), 403, 'forbidden');
    },
  );

  it('answers 401 to a token that is not a bearer token of this service', async ({ service }) => {
    expectProblem(
      await send(service, 'GET', '/v1/agency/records', undefined, 'not-a-jwt'),
      401,
      'invalid_token',
    );
  });
});

describe("another agency's record", () => {
  const recordRoutes = (id: string) => agencyRoutes(id).filter(([label]) => label.includes('{id}'));

  it.for(recordRoutes('{id}').map(([label]) => label))(
    '%s answers 403 record_not_accessible, exactly as for an id that does not exist',
    async (label, { service, otherAgency }) => {
      const route = (id: string) =>
        recordRoutes(id).find(([l]) => l === label) as [string, string, string, unknown];
      const [, method, path, body] = route(recordId);
      const [, , missingPath] = route(MISSING_ID);

      const theirs = await send(service, method, path, body, otherAgency.token);
      const missing = await send(service, method, missingPath, body, otherAgency.token);

      expectProblem(theirs, 403, 'record_not_accessible');
      expect(refusal(theirs)).toEqual(refusal(missing));
    },
  );

  it('leaves the record as it was after the refused attempts', async ({ service, agency, otherAgency }) => {
    await Promise.all(
      recordRoutes(recordId).map(([, method, path, body]) =>
        send(service, method, path, body, otherAgency.token),
      ),
    );

    const mine = await call(service.url, 'GET', `/v1/records/${recordId}`, { token: agency.token });

    expect(mine.json).toMatchObject({ status: 'registered', version: 1, history: [] });
    expect(mine.json.record.remarks).toBeUndefined();
  });

  it("never lists another agency's records in the worklist", async ({ service, otherAgency }) => {
    const statuses = ['registered', 'published', 'revoked'];

    const pages = await Promise.all(
      statuses.map((s) =>
        allPages(service.url, `/v1/agency/records?status=${s}`, { token: otherAgency.token }),
      ),
    );

    for (const { items } of pages) expect(items.map((r) => r.id)).not.toContain(recordId);
  });

  it('refuses an id that is not a record id with a 400 before looking anything up', async ({
    service,
    otherAgency,
  }) => {
    const answer = await send(service, 'GET', '/v1/records/rec_123', undefined, otherAgency.token);

    expectProblem(answer, 400, 'validation_failed', 'path.id');
  });
});
