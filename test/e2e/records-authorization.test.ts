import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, expectProblem, type HttpAnswer } from '../support/http.ts';
import { startTestService, type TestService } from '../support/local-service.ts';
import { COMPANY, penaltyInput } from '../support/record-builders.ts';
import { allPages, anAgency } from '../support/record-mothers.ts';

let service: TestService;
let owner: string;
let stranger: string;
let entity: string;
let admin: string;
let recordId: string;

/** Well-formed, but no record has it. */
const MISSING_ID = 'rec_0123456789abcdefghjkmnpqrs';

beforeAll(async () => {
  service = await startTestService();
  [owner, stranger, entity, admin] = await Promise.all([
    service.token(`--role agency --agency ${anAgency()}`),
    service.token(`--role agency --agency ${anAgency()}`),
    service.token(`--role entity --uscc ${COMPANY}`),
    service.token('--role admin'),
  ]);
  const registered = await call(service.url, 'POST', '/v1/records', { token: owner, body: penaltyInput() });
  recordId = registered.json.id;
});
afterAll(() => service.stop());

const CORRECTION = { reason: '更正', changes: { remarks: '他人更正' } };
const REVOCATION = { reason: '撤销' };

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

const send = (method: string, path: string, body: unknown, token?: string) =>
  call(service.url, method, path, { ...(token ? { token } : {}), ...(body === undefined ? {} : { body }) });

/** What a refusal says, without the request id that differs on every answer. */
const refusal = (answer: HttpAnswer) => {
  const { requestId: _, ...rest } = answer.json;
  return { status: answer.status, ...rest };
};

describe('agency routes for callers who are not agencies', () => {
  it.each(agencyRoutes(MISSING_ID))('%s answers 401 without a token', async (_, method, path, body) => {
    const answer = await send(method, path, body);

    expectProblem(answer, 401, 'unauthenticated');
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it.each(agencyRoutes(MISSING_ID))(
    '%s answers 403 to an entity and to an admin',
    async (_, method, path, body) => {
      expectProblem(await send(method, path, body, entity), 403, 'forbidden');
      expectProblem(await send(method, path, body, admin), 403, 'forbidden');
    },
  );

  it('answers 401 to a token that is not a bearer token of this service', async () => {
    expectProblem(await send('GET', '/v1/agency/records', undefined, 'not-a-jwt'), 401, 'invalid_token');
  });
});

describe("another agency's record", () => {
  const recordRoutes = (id: string) => agencyRoutes(id).filter(([label]) => label.includes('{id}'));

  it.each(recordRoutes('{id}').map(([label]) => label))(
    '%s answers 403 record_not_accessible, exactly as for an id that does not exist',
    async (label) => {
      const route = (id: string) =>
        recordRoutes(id).find(([l]) => l === label) as [string, string, string, unknown];
      const [, method, path, body] = route(recordId);
      const [, , missingPath] = route(MISSING_ID);

      const theirs = await send(method, path, body, stranger);
      const missing = await send(method, missingPath, body, stranger);

      expectProblem(theirs, 403, 'record_not_accessible');
      expect(refusal(theirs)).toEqual(refusal(missing));
    },
  );

  it('leaves the record as it was after the refused attempts', async () => {
    await Promise.all(
      recordRoutes(recordId).map(([, method, path, body]) => send(method, path, body, stranger)),
    );

    const mine = await call(service.url, 'GET', `/v1/records/${recordId}`, { token: owner });

    expect(mine.json).toMatchObject({ status: 'registered', version: 1, history: [] });
    expect(mine.json.record.remarks).toBeUndefined();
  });

  it("never lists another agency's records in the worklist", async () => {
    const statuses = ['registered', 'published', 'revoked'];

    const pages = await Promise.all(
      statuses.map((s) => allPages(service.url, `/v1/agency/records?status=${s}`, { token: stranger })),
    );

    for (const { items } of pages) expect(items.map((r) => r.id)).not.toContain(recordId);
  });

  it('refuses an id that is not a record id with a 400 before looking anything up', async () => {
    const answer = await send('GET', '/v1/records/rec_123', undefined, stranger);

    expectProblem(answer, 400, 'validation_failed', 'path.id');
  });
});
