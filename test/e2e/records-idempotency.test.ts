import { describe, it as e2e, expect } from '../support/e2e.ts';
import { call, expectProblem } from '../support/http.ts';
import { licenseInput, penaltyInput } from '../support/record-builders.ts';
import { allPages } from '../support/record-mothers.ts';

/** `register(body)` and `registeredCount()`, as the file's agency unless another token is given. */
const it = e2e
  .extend(
    'register',
    { scope: 'file' },
    ({ service, agency: { token } }) =>
      (body: unknown, as = token) =>
        call(service.url, 'POST', '/v1/records', { token: as, body }),
  )
  .extend(
    'registeredCount',
    { scope: 'file' },
    ({ service, agency: { token } }) =>
      async (as = token) =>
        (await allPages(service.url, '/v1/agency/records?status=registered', { token: as })).items.length,
  );

describe('registering the same document twice', () => {
  it('answers 201 and then 200 with the same record for the same body', async ({ register }) => {
    const input = penaltyInput();

    const first = await register(input);
    const second = await register(input);

    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.json.id).toBe(first.json.id);
    expect(second.json).toEqual(first.json);
  });

  it('recognises the same body with its keys in another order', async ({ register }) => {
    const input = penaltyInput();
    const { subject, penalty, ...rest } = input;
    const reordered = { penalty: { ...penalty }, subject: { ...subject }, ...rest };

    const first = await register(input);
    const second = await register(reordered);

    expect(second.status).toBe(200);
    expect(second.json.id).toBe(first.json.id);
  });

  it('refuses other content under the same agency, kind and document number with 409, storing nothing', async ({
    service,
    agency,
    register,
    registeredCount,
  }) => {
    const input = penaltyInput();
    const first = await register(input);
    const countBefore = await registeredCount();

    const different = await register({ ...input, penalty: { ...input.penalty, fineAmount: 50 } });

    expectProblem(different, 409, 'document_number_conflict', 'body.documentNumber');
    expect(await registeredCount()).toBe(countBefore);
    const stored = await call(service.url, 'GET', `/v1/records/${first.json.id}`, { token: agency.token });
    expect(stored.json.record.penalty.fineAmount).toBe(input.penalty.fineAmount);
  });

  it('takes the same document number for another kind as another record', async ({ register }) => {
    const input = penaltyInput();
    const penalty = await register(input);

    const license = await register(licenseInput({ documentNumber: input.documentNumber }));

    expect([penalty.status, license.status]).toEqual([201, 201]);
    expect(license.json.id).not.toBe(penalty.json.id);
  });

  it("takes the same document number from another agency as that agency's own record", async ({
    otherAgency,
    register,
  }) => {
    const input = penaltyInput();
    const mine = await register(input);

    const theirs = await register({ ...input, remarks: '另一机关的决定' }, otherAgency.token);

    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.json.authority.uscc).not.toBe(mine.json.authority.uscc);
  });

  it('creates exactly one record when twenty identical registrations arrive at once', async ({
    register,
    registeredCount,
  }) => {
    const input = penaltyInput();
    const countBefore = await registeredCount();

    const answers = await Promise.all(Array.from({ length: 20 }, () => register(input)));

    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    expect(new Set(answers.map((a) => a.json.id)).size).toBe(1);
    expect(await registeredCount()).toBe(countBefore + 1);
  });
});

describe('concurrent changes to one record', () => {
  it('lets exactly one of ten concurrent publishes win; the others get 409', async ({
    service,
    agency,
    register,
  }) => {
    const { json: registered } = await register(penaltyInput());

    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        call(service.url, 'POST', `/v1/records/${registered.id}/publish`, { token: agency.token }),
      ),
    );

    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
  });

  it('loses none of five concurrent corrections: each is applied on the version it read, or refused with 409', async ({
    service,
    agency,
    register,
  }) => {
    const { json: registered } = await register(penaltyInput());
    const correction = (n: number) => ({ reason: `更正${n}`, changes: { remarks: `备注${n}` } });

    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        call(service.url, 'POST', `/v1/records/${registered.id}/corrections`, {
          token: agency.token,
          body: correction(n),
        }),
      ),
    );
    const stored = await call(service.url, 'GET', `/v1/records/${registered.id}`, { token: agency.token });

    // Requests that read the same version race, and one wins; one that arrives after a win
    // reads the new version and may win too (on a busy machine it does). What never happens
    // is two wins on one version: every win is a version of its own, and all are kept.
    const won = answers.filter((a) => a.status === 200);
    expect(won.length).toBeGreaterThanOrEqual(1);
    for (const lost of answers.filter((a) => a.status !== 200)) expectProblem(lost, 409, 'record_changed');
    const versions = won.map((a) => a.json.version).sort();
    expect(versions).toEqual(won.map((_, i) => i + 2));
    expect(stored.json.version).toBe(1 + won.length);
    expect(stored.json.history).toHaveLength(won.length);
  });
});
