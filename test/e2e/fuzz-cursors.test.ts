import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tamperedCursorCases } from '../support/fuzz.ts';
import { call } from '../support/http.ts';
import { startTestService, type TestService } from '../support/local-service.ts';
import { penaltyInput } from '../support/record-builders.ts';
import { anAgencyParty, anEntityParty, type Party, workflowClient } from '../support/workflow-mothers.ts';

/*
 * Page cursors are base64url JSON a client can read and rewrite: the query fingerprint it
 * carries is visible, and the DynamoDB start key beside it can be changed at will. Every
 * paged route must refuse a rewritten cursor with 400 invalid_cursor, never answer 500 or
 * quietly start somewhere else.
 */

let service: TestService;
let agency: Party;
let entity: Party;
let admin: string;

beforeAll(async () => {
  service = await startTestService();
  const api = workflowClient(service);
  [agency, entity, admin] = await Promise.all([
    anAgencyParty(service),
    anEntityParty(service),
    service.token('--role admin'),
  ]);
  const records = await Promise.all([1, 2, 3, 4, 5, 6].map(() => api.publishedPenalty(agency, entity)));
  await Promise.all([
    api.register(agency, penaltyInput(), false),
    api.register(agency, penaltyInput(), false),
    ...records.slice(0, 2).map((id) => api.objected(entity, id)),
    ...records.slice(2, 4).map((id) => api.repaired(entity, id)),
  ]);
});
afterAll(() => service.stop());

const PAGED: [string, () => string | undefined][] = [
  ['/v1/agency/records', () => agency.token],
  ['/v1/disclosures', () => undefined],
  ['/v1/entity/records', () => entity.token],
  ['/v1/agency/objections', () => agency.token],
  ['/v1/entity/objections', () => entity.token],
  ['/v1/agency/repairs', () => agency.token],
  ['/v1/entity/repairs', () => entity.token],
  ['/v1/admin/events', () => admin],
  ['/v1/admin/audit/verify', () => admin],
];

describe('a cursor rewritten by the client', () => {
  it.each(PAGED)('GET %s refuses every rewritten start key with 400 invalid_cursor', async (path, token) => {
    const options = token() ? { token: token() as string } : {};
    const first = await call(service.url, 'GET', `${path}?limit=1`, options);
    expect(first.json.cursor, 'a second page to take the cursor from').toEqual(expect.any(String));

    const answers = await Promise.all(
      tamperedCursorCases(first.json.cursor).map(async ([label, cursor]) => {
        const answer = await fetch(`${service.url}${path}?limit=1&cursor=${cursor}`, {
          headers: token() ? { authorization: `Bearer ${token()}` } : {},
        });
        const body = (await answer.json()) as { code?: string };
        return [label, answer.status, body.code ?? null];
      }),
    );

    expect(answers.filter(([, status, code]) => status !== 400 || code !== 'invalid_cursor')).toEqual([]);
  });
});
