import { randomUUID } from 'node:crypto';
import { describe, expect, it, type World } from '../support/e2e.ts';
import { expectProblem, type HttpAnswer } from '../support/http.ts';
import { penaltyInput } from '../support/record-builders.ts';
import { allPages } from '../support/record-mothers.ts';
import { verifyAudit } from '../support/table-state.ts';
import { APPROVE, penaltyAgainst, revocationBody } from '../support/workflow-mothers.ts';

/*
 * Retries with the same Idempotency-Key, where the *-idempotency files do not already look:
 * fifty at once on one registration, and retries of the record and workflow actions
 * (correction, publication, revocation, acceptance, a repair decision, a batch). Each key
 * has one effect, counted in what is stored, and the audit chains verify.
 */

const N = 50;

const keyed = () => ({ 'idempotency-key': `retry-${randomUUID()}` });
const agencyRecords = async ({ service, agency }: Pick<World, 'service' | 'agency'>, status: string) =>
  (await allPages(service.url, `/v1/agency/records?status=${status}`, { token: agency.token })).items;
const record = ({ api, agency }: Pick<World, 'api' | 'agency'>, id: string) =>
  api.send('GET', `/v1/records/${id}`, { token: agency.token });
const auditIsClean = async ({ service, admin }: Pick<World, 'service' | 'admin'>) =>
  expect((await verifyAudit(service.url, admin)).problems).toEqual([]);

/** Sends the same request `times` times one after another. */
async function retried(times: number, send: () => Promise<HttpAnswer>): Promise<HttpAnswer[]> {
  const answers: HttpAnswer[] = [];
  for (let i = 0; i < times; i++) answers.push(await send());
  return answers;
}

/** The first answer, then the same answer replayed for every retry. */
function replayed(answers: HttpAnswer[], status = 200): void {
  const [first, ...retries] = answers as [HttpAnswer, ...HttpAnswer[]];
  expect(first.status).toBe(status);
  for (const retry of retries) {
    expect(retry.status).toBe(status);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.json).toEqual(first.json);
  }
}

describe(`${N} registrations at once with one Idempotency-Key`, () => {
  it('registers one record; the others replay it or are told the first is in progress', async ({
    service,
    api,
    agency,
    entity,
    admin,
  }) => {
    const headers = keyed();
    const body = { ...penaltyAgainst(entity.uscc), publish: true };
    const before = await agencyRecords({ service, agency }, 'published');

    const answers = await Promise.all(
      Array.from({ length: N }, () =>
        api.send('POST', '/v1/records', { token: agency.token, body, headers }),
      ),
    );

    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.json.id)).size).toBe(1);
    for (const other of answers.filter((a) => a.status !== 201)) {
      expectProblem(other, 409, 'idempotency_in_progress', 'idempotency-key');
    }
    expect((await agencyRecords({ service, agency }, 'published')).length).toBe(before.length + 1);
    const retry = await api.send('POST', '/v1/records', { token: agency.token, body, headers });
    expect([retry.status, retry.headers.get('idempotent-replayed'), retry.json.id]).toEqual([
      201,
      'true',
      created[0]?.json.id,
    ]);
    await auditIsClean({ service, admin });
  });
});

describe('retried actions with one Idempotency-Key', () => {
  it(`corrects once when ${N} identical corrections with one key arrive at once`, async ({
    service,
    api,
    agency,
    entity,
    admin,
  }) => {
    const id = await api.register(agency, penaltyAgainst(entity.uscc), false);
    const headers = keyed();
    const body = { reason: '更正', changes: { remarks: '重试的更正' } };

    const answers = await Promise.all(
      Array.from({ length: N }, () =>
        api.send('POST', `/v1/records/${id}/corrections`, { token: agency.token, body, headers }),
      ),
    );
    const later = await api.send('POST', `/v1/records/${id}/corrections`, {
      token: agency.token,
      body,
      headers,
    });

    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(1);
    for (const other of answers.filter((a) => a.status !== 200)) {
      expectProblem(other, 409, 'idempotency_in_progress', 'idempotency-key');
    }
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect((await record({ api, agency }, id)).json).toMatchObject({
      version: 2,
      history: [expect.anything()],
    });
    await auditIsClean({ service, admin });
  });

  it('publishes once and replays the first answer to retries, not 409 already_published', async ({
    api,
    agency,
    entity,
  }) => {
    const id = await api.register(agency, penaltyAgainst(entity.uscc), false);
    const headers = keyed();

    const answers = await retried(3, () =>
      api.send('POST', `/v1/records/${id}/publish`, { token: agency.token, headers }),
    );

    replayed(answers);
    expect((await record({ api, agency }, id)).json.status).toBe('published');
  });

  it('revokes once and replays the first answer to retries', async ({ api, agency, entity }) => {
    const id = await api.publishedPenalty(agency, entity);
    const headers = keyed();

    const answers = await retried(3, () =>
      api.send('POST', `/v1/records/${id}/revocations`, {
        token: agency.token,
        body: revocationBody(),
        headers,
      }),
    );

    replayed(answers);
    expect((await record({ api, agency }, id)).json.status).toBe('revoked');
  });

  it('accepts an objection once and replays the first answer to retries', async ({ api, agency, entity }) => {
    const objectionId = await api.objected(entity, await api.publishedPenalty(agency, entity));
    const headers = keyed();

    const answers = await retried(3, () =>
      api.send('POST', `/v1/objections/${objectionId}/acceptance`, {
        token: agency.token,
        body: { needsOtherUnit: true },
        headers,
      }),
    );

    replayed(answers);
    expect((await api.objection(agency.token, objectionId)).json).toMatchObject({ needsOtherUnit: true });
  });

  it('decides a repair once and replays the first answer to retries', async ({
    service,
    api,
    agency,
    entity,
    admin,
  }) => {
    const recordId = await api.publishedPenalty(agency, entity);
    const repairId = await api.repaired(entity, recordId);
    const headers = keyed();

    const answers = await retried(3, () =>
      api.send('POST', `/v1/repairs/${repairId}/decision`, { token: agency.token, body: APPROVE, headers }),
    );

    replayed(answers);
    expect((await record({ api, agency }, recordId)).json.publicationEnd?.reason).toBe('repaired');
    await auditIsClean({ service, admin });
  });

  it('registers a batch once and replays its summary to a retry', async ({ service, api, agency }) => {
    const headers = keyed();
    const rows = [penaltyInput(), penaltyInput(), penaltyInput()];
    const before = await agencyRecords({ service, agency }, 'registered');

    const answers = await retried(2, () =>
      api.send('POST', '/v1/records/batch', { token: agency.token, body: rows, headers }),
    );

    replayed(answers);
    expect(answers[0]?.json.summary).toMatchObject({ rows: 3, created: 3 });
    expect((await agencyRecords({ service, agency }, 'registered')).length).toBe(before.length + 3);
  });
});
