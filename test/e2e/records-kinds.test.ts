import { RECORD_KINDS } from '../../shared/domain/records/vocabulary.ts';
import { describe, it as e2e, expect } from '../support/e2e.ts';
import { call, expectProblem } from '../support/http.ts';
import { allPages, queryOf, recordOf, todayInShanghai } from '../support/record-mothers.ts';

/** `register(body)` and `publish(id)`, as the file's agency. */
const it = e2e
  .extend(
    'register',
    { scope: 'file' },
    ({ service, agency: { token } }) =>
      (body: unknown) =>
        call(service.url, 'POST', '/v1/records', { token, body }),
  )
  .extend(
    'publish',
    { scope: 'file' },
    ({ service, agency: { token } }) =>
      (id: string) =>
        call(service.url, 'POST', `/v1/records/${id}/publish`, { token }),
  );

describe('registering and publishing each of the ten kinds', () => {
  it.for(RECORD_KINDS)(
    'registers a %s record with a deadline seven working days away',
    async (kind, { agency, register }) => {
      const input = recordOf(kind, { decisionDate: '2026-11-02' });

      const answer = await register(input);

      expect(answer.status).toBe(201);
      expect(answer.headers.get('location')).toBe(`/v1/records/${answer.json.id}`);
      expect(answer.json).toMatchObject({
        status: 'registered',
        version: 1,
        authority: { uscc: agency.uscc },
        record: input,
        disclosureDeadline: { due: '2026-11-11', dueAt: '2026-11-12T00:00:00+08:00', provisional: false },
        visibility: { public: true },
        history: [],
      });
      expect(answer.json.id).toMatch(/^rec_[0-9a-hjkmnp-tv-z]{26}$/);
    },
  );

  it.for(RECORD_KINDS)(
    'publishes a %s record, which the public then finds by its kind',
    async (kind, { service, register, publish }) => {
      const { json: registered } = await register(recordOf(kind, { decisionDate: todayInShanghai() }));

      const published = await publish(registered.id);
      const found = await allPages(service.url, `/v1/disclosures${queryOf({ kind })}`);

      expect(published.status).toBe(200);
      expect(published.json.status).toBe('published');
      expect(published.json.publication).toMatchObject({ by: 'agency', onTime: true, workingDaysLate: 0 });
      const item = found.items.find((r) => r.id === registered.id);
      expect(item).toMatchObject({ kind, publishedAt: published.json.publication.at });
      expect(found.items.every((r) => (r as { kind?: string }).kind === kind)).toBe(true);
    },
  );

  it('counts the deadline of a decision of 2026-09-30 past the National Day holiday to 2026-10-15', async ({
    register,
  }) => {
    const answer = await register(recordOf('license', { decisionDate: '2026-09-30' }));

    expect(answer.status).toBe(201);
    expect(answer.json.disclosureDeadline).toMatchObject({
      due: '2026-10-15',
      dueAt: '2026-10-16T00:00:00+08:00',
      provisional: false,
    });
  });

  it('publishes a record after its deadline as late, by the working days since it ran out', async ({
    register,
    publish,
  }) => {
    // Deadline 2026-10-15; whenever this runs, that lies in the past.
    const { json: registered } = await register(recordOf('reward', { decisionDate: '2026-09-30' }));

    const published = await publish(registered.id);

    expect(published.status).toBe(200);
    expect(published.json.publication.onTime).toBe(false);
    expect(published.json.publication.workingDaysLate).toBeGreaterThanOrEqual(20);
  });

  it('refuses to publish a record twice', async ({ register, publish }) => {
    const { json: registered } = await register(recordOf('ruling'));
    await publish(registered.id);

    const again = await publish(registered.id);

    expectProblem(again, 409, 'already_published');
  });
});

describe('registering with "publish": true', () => {
  it('registers and publishes in one step, and the public reads it at once', async ({
    service,
    register,
  }) => {
    const input = recordOf('inspection', { decisionDate: todayInShanghai() });

    const answer = await register({ ...input, publish: true });
    const detail = await call(service.url, 'GET', `/v1/disclosures/${answer.json.id}`);

    expect(answer.status).toBe(201);
    expect(answer.json.status).toBe('published');
    expect(answer.json.publication).toMatchObject({ by: 'agency', onTime: true, workingDaysLate: 0 });
    expect(answer.json.record).toEqual(input);
    expect(detail.status).toBe(200);
    expect(detail.json).toMatchObject({
      id: answer.json.id,
      kind: 'inspection',
      kindLabel: '行政监督检查',
      documentNumber: input.documentNumber,
      decisionDate: input.decisionDate,
      details: input.inspection,
      version: 1,
    });
  });

  it('leaves a record registered when "publish" is false', async ({ service, register }) => {
    const answer = await register({ ...recordOf('levy'), publish: false });

    expect(answer.status).toBe(201);
    expect(answer.json.status).toBe('registered');
    expect(answer.json.publication).toBeUndefined();
    expectProblem(
      await call(service.url, 'GET', `/v1/disclosures/${answer.json.id}`),
      404,
      'disclosure_not_found',
    );
  });
});
