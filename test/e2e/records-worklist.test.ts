import { describe, it as e2e, expect } from '../support/e2e.ts';
import { call, expectProblem } from '../support/http.ts';
import { penaltyInput } from '../support/record-builders.ts';
import { allPages, recordOf, todayInShanghai } from '../support/record-mothers.ts';
import { revocationBody } from '../support/workflow-mothers.ts';

const it = e2e.extend(
  'newAgency',
  { scope: 'file' },
  ({ service, parties }) =>
    /** A fresh agency with a worklist of its own, and what it can do over HTTP. */
    async () => {
      const { token } = await parties.agency();
      const post = (path: string, body?: unknown) =>
        call(service.url, 'POST', path, { token, ...(body === undefined ? {} : { body }) });
      return {
        token,
        register: async (body: unknown): Promise<string> => {
          const answer = await post('/v1/records', body);
          expect(answer.status).toBe(201);
          return answer.json.id;
        },
        publish: (id: string) => post(`/v1/records/${id}/publish`),
        revoke: (id: string) => post(`/v1/records/${id}/revocations`, revocationBody()),
        get: (query: string) => call(service.url, 'GET', `/v1/agency/records${query}`, { token }),
        ids: async (query: string) =>
          (await allPages(service.url, `/v1/agency/records${query}`, { token })).items.map((r) => r.id),
      };
    },
);

describe('GET /v1/agency/records', () => {
  it("lists only the caller's records, by status, registered when no status is given", async ({
    newAgency,
  }) => {
    const [me, other] = await Promise.all([newAgency(), newAgency()]);
    const [waiting, published, revoked] = await Promise.all([
      me.register(penaltyInput()),
      me.register(recordOf('license')),
      me.register(recordOf('reward')),
    ]);
    const theirs = await other.register(penaltyInput());
    await Promise.all([me.publish(published), me.revoke(revoked)]);

    const [byDefault, registered, publishedList, revokedList] = await Promise.all([
      me.ids(''),
      me.ids('?status=registered'),
      me.ids('?status=published'),
      me.ids('?status=revoked'),
    ]);

    expect(byDefault).toEqual([waiting]);
    expect(registered).toEqual([waiting]);
    expect(publishedList).toEqual([published]);
    expect(revokedList).toEqual([revoked]);
    expect([...registered, ...publishedList, ...revokedList]).not.toContain(theirs);
  });

  it('shows each record as its agency sees it: content, deadline, state and visibility', async ({
    newAgency,
  }) => {
    const me = await newAgency();
    const input = penaltyInput();
    const id = await me.register(input);

    const answer = await me.get('?status=registered');

    expect(answer.status).toBe(200);
    expect(answer.json.items).toEqual([
      expect.objectContaining({
        id,
        status: 'registered',
        record: input,
        disclosureDeadline: expect.objectContaining({ due: '2026-10-15' }),
        visibility: { public: true },
      }),
    ]);
  });

  it('lists with overdue=true the registered records whose deadline passed, and not those still in time', async ({
    newAgency,
  }) => {
    const me = await newAgency();
    const [late, inTime, publishedLate] = await Promise.all([
      me.register(penaltyInput({ decisionDate: '2026-08-01' })),
      me.register(penaltyInput({ decisionDate: todayInShanghai() })),
      me.register(recordOf('license', { decisionDate: '2026-08-01' })),
    ]);
    await me.publish(publishedLate);

    const overdue = await me.ids('?status=registered&overdue=true');
    const all = await me.ids('?status=registered&overdue=false');

    expect(overdue).toEqual([late]);
    expect(all.sort()).toEqual([late, inTime].sort());
  });

  it('refuses overdue=true for published records', async ({ newAgency }) => {
    const me = await newAgency();

    expectProblem(await me.get('?status=published&overdue=true'), 400, 'validation_failed', 'query.overdue');
  });

  it.for([
    ['status=withdrawn', 'query.status'],
    ['limit=0', 'query.limit'],
    ['limit=101', 'query.limit'],
    ['overdue=yes', 'query.overdue'],
    ['owner=me', 'query.owner'],
  ])('refuses %s with a 400 naming the parameter', async ([query, field], { newAgency }) => {
    const me = await newAgency();

    expectProblem(await me.get(`?${query}`), 400, 'validation_failed', field);
  });
});

describe('paging through the worklist', () => {
  it('visits every record exactly once with limit and cursor', async ({ service, newAgency }) => {
    const me = await newAgency();
    const ids = await Promise.all(Array.from({ length: 7 }, () => me.register(recordOf('inspection'))));

    const { items, pages } = await allPages(service.url, '/v1/agency/records?status=registered', {
      token: me.token,
      limit: 2,
    });

    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.every((p) => p.json.items.length <= 2)).toBe(true);
    expect(items.map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it('refuses a cursor replayed with other filters, and a cursor that was never issued', async ({
    newAgency,
  }) => {
    const me = await newAgency();
    await Promise.all([me.register(penaltyInput()), me.register(penaltyInput())]);
    const first = await me.get('?status=registered&limit=1');

    const replayed = await me.get(
      `?status=published&limit=1&cursor=${encodeURIComponent(first.json.cursor)}`,
    );
    const forged = await me.get('?status=registered&limit=1&cursor=bm90LWEtY3Vyc29y');

    expect(first.json.cursor).toEqual(expect.any(String));
    expectProblem(replayed, 400, 'invalid_cursor', 'query.cursor');
    expectProblem(forged, 400, 'invalid_cursor', 'query.cursor');
  });

  it("refuses another agency's cursor", async ({ newAgency }) => {
    const [me, other] = await Promise.all([newAgency(), newAgency()]);
    await Promise.all([me.register(penaltyInput()), me.register(penaltyInput())]);
    const mine = await me.get('?limit=1');

    const answer = await other.get(`?limit=1&cursor=${encodeURIComponent(mine.json.cursor)}`);

    expectProblem(answer, 400, 'invalid_cursor', 'query.cursor');
  });

  it('pages through the overdue records when the next page is asked for a second later', async ({
    newAgency,
  }) => {
    const me = await newAgency();
    const ids = await Promise.all(
      Array.from({ length: 3 }, () => me.register(penaltyInput({ decisionDate: '2026-08-03' }))),
    );
    const first = await me.get('?status=registered&overdue=true&limit=2');
    // The next page is read in a later second than the first, as any real reader would.
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const second = await me.get(
      `?status=registered&overdue=true&limit=2&cursor=${encodeURIComponent(first.json.cursor)}`,
    );

    expect({ status: second.status, code: second.json.code }).toEqual({ status: 200, code: undefined });
    const seen = [...first.json.items, ...second.json.items].map((r: { id: string }) => r.id);
    expect(seen.sort()).toEqual([...ids].sort());
  });
});
