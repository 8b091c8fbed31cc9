import { describe, expect, it } from '../support/e2e.ts';
import { AGENCY, COMPANY, penaltyInput } from '../support/record-builders.ts';
import { api, type RequestBody } from '../support/typed-client.ts';

// The record builders' agency and company: the records this file registers name them.
it.override('agency', ({ parties }) => parties.agency(AGENCY));
it.override('entity', ({ parties }) => parties.entity(COMPANY));

describe('a client generated from the OpenAPI document', () => {
  it('registers, publishes, finds and objects to a record with calls typed by the document', async ({
    service,
    agency,
    entity,
  }) => {
    const body: RequestBody<'/v1/records', 'post'> = { ...penaltyInput(), publish: true };

    const created = await api(service.url, 'post', '/v1/records', { token: agency.token, body, expect: 201 });
    const found = await api(service.url, 'get', '/v1/disclosures', {
      query: { uscc: COMPANY, kind: 'penalty' },
    });
    const detail = await api(service.url, 'get', '/v1/disclosures/{id}', { params: { id: created.json.id } });
    const objection = await api(service.url, 'post', '/v1/objections', {
      token: entity.token,
      body: { recordId: created.json.id, reason: 'content_error', statement: '金额有误', evidence: [] },
      expect: 201,
    });

    expect(created.status).toBe(201);
    expect(created.json.status).toBe('published');
    expect(found.json.items.map((r) => r.id)).toContain(created.json.id);
    expect(detail.json.subject.name).toBe(body.subject.name);
    expect(objection.json.deadline.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('serves the document it was generated from at /v1/openapi.json', async ({ service }) => {
    const answer = await api(service.url, 'get', '/v1/openapi.json');

    expect(answer.status).toBe(200);
    expect(answer.json.openapi).toBe('3.1.0');
    expect(Object.keys(answer.json.paths as object)).toContain('/v1/records');
  });
});
