import { describe, expect, it, type World } from '../support/e2e.ts';
import { tamperedCursorCases } from '../support/fuzz.ts';
import { call } from '../support/http.ts';
import { penaltyInput } from '../support/record-builders.ts';

/*
 * Page cursors are base64url JSON a client can read and rewrite: the query fingerprint it
 * carries is visible, and the DynamoDB start key beside it can be changed at will. Every
 * paged route must refuse a rewritten cursor with 400 invalid_cursor, never answer 500 or
 * quietly start somewhere else.
 */

it.beforeAll(async ({ api, agency, entity }) => {
  const records = await Promise.all([1, 2, 3, 4, 5, 6].map(() => api.publishedPenalty(agency, entity)));
  await Promise.all([
    api.register(agency, penaltyInput(), false),
    api.register(agency, penaltyInput(), false),
    ...records.slice(0, 2).map((id) => api.objected(entity, id)),
    ...records.slice(2, 4).map((id) => api.repaired(entity, id)),
  ]);
});

/** Each paged route, and which of the file's parties (if any) reads it. */
const PAGED: [string, (w: Pick<World, 'agency' | 'entity' | 'admin'>) => string | undefined][] = [
  ['/v1/agency/records', ({ agency }) => agency.token],
  ['/v1/disclosures', () => undefined],
  ['/v1/entity/records', ({ entity }) => entity.token],
  ['/v1/agency/objections', ({ agency }) => agency.token],
  ['/v1/entity/objections', ({ entity }) => entity.token],
  ['/v1/agency/repairs', ({ agency }) => agency.token],
  ['/v1/entity/repairs', ({ entity }) => entity.token],
  ['/v1/admin/events', ({ admin }) => admin],
  ['/v1/admin/audit/verify', ({ admin }) => admin],
];

describe('a cursor rewritten by the client', () => {
  it.for(PAGED)(
    'GET %s refuses every rewritten start key with 400 invalid_cursor',
    async ([path, reader], { service, agency, entity, admin }) => {
      const token = () => reader({ agency, entity, admin });
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
    },
  );
});
