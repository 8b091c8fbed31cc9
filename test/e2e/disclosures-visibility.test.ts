import type { RecordInput } from '../../shared/schemas/records/record-input.ts';
import { describe, expect, it, type TestService } from '../support/e2e.ts';
import { call, expectProblem } from '../support/http.ts';
import { penaltyInput } from '../support/record-builders.ts';
import {
  aCompany,
  allPages,
  minorPenalty,
  naturalPersonPenalty,
  penaltyWith,
  queryOf,
  simplifiedPenalty,
  warningOnlyPenalty,
} from '../support/record-mothers.ts';

const DATE = '2026-09-29';

const subjectNamed = (name: string) => ({ category: 'legal_person' as const, name, uscc: aCompany() });

/** Records the public must never see, each with the reason the agency is shown. */
const HIDDEN: Record<string, { input: RecordInput; reason: string }> = {
  'a natural person': {
    input: naturalPersonPenalty({ decisionDate: DATE }),
    reason: 'natural_person',
  },
  'a simplified-procedure penalty': {
    input: simplifiedPenalty({ decisionDate: DATE, subject: subjectNamed('济阳区简易程序商店有限公司') }),
    reason: 'simplified_procedure',
  },
  'a warning alone': {
    input: warningOnlyPenalty({ decisionDate: DATE, subject: subjectNamed('济阳区仅警告商贸有限公司') }),
    reason: 'minor_penalty',
  },
  'a minor penalty': {
    input: minorPenalty({ decisionDate: DATE, subject: subjectNamed('济阳区轻微失信商贸有限公司') }),
    reason: 'minor_penalty',
  },
  'a warning and a notice of criticism together': {
    input: penaltyWith(
      { categories: ['警告', '通报批评'], fineAmount: undefined, content: '警告并通报批评' },
      { decisionDate: DATE, subject: subjectNamed('济阳区通报批评商贸有限公司') },
    ),
    reason: 'minor_penalty',
  },
};
const hiddenIds: Record<string, string> = {};
let visibleId: string;

it.beforeAll(async ({ service, agency: { token } }) => {
  const register = (body: unknown) => call(service.url, 'POST', '/v1/records', { token, body });
  const visible = await register({ ...penaltyInput({ decisionDate: DATE }), publish: true });
  visibleId = visible.json.id;
  await Promise.all(
    Object.entries(HIDDEN).map(async ([label, { input }]) => {
      hiddenIds[label] = (await register(input)).json.id;
    }),
  );
});

const publicIds = async (service: TestService, query: Record<string, string>) =>
  (await allPages(service.url, `/v1/disclosures${queryOf(query)}`)).items.map((r) => r.id);

/** Every public query that would match `input` of `agency` if it were public. */
function matchingQueries(input: RecordInput, agency: string): Record<string, string>[] {
  const name = Array.from(input.subject.name);
  const bigrams = name.slice(0, -1).map((c, i) => `${c}${name[i + 1]}`);
  return [
    {},
    { agency },
    { kind: input.kind },
    { from: input.decisionDate, to: input.decisionDate },
    { from: input.decisionDate },
    { name: input.subject.name },
    ...bigrams.map((bigram) => ({ name: bigram })),
    ...(input.subject.uscc
      ? [{ uscc: input.subject.uscc }, { uscc: input.subject.uscc, kind: input.kind }]
      : []),
  ];
}

describe.each(Object.keys(HIDDEN))('a record about %s', (label) => {
  const { input, reason } = HIDDEN[label] as { input: RecordInput; reason: string };

  it('is stored, its deadline runs, and the agency sees why it is not public', async ({
    service,
    agency: { token },
  }) => {
    const answer = await call(service.url, 'GET', `/v1/records/${hiddenIds[label]}`, { token });

    expect(answer.status).toBe(200);
    expect(answer.json.record).toEqual(input);
    expect(answer.json.disclosureDeadline).toMatchObject({ due: '2026-10-14', provisional: false });
    expect(answer.json.visibility).toEqual({ public: false, reason, basis: expect.stringMatching(/\S/) });
  });

  it('is listed as overdue in the worklist while unpublished, and can be published by the agency', async ({
    service,
    agency: { token },
  }) => {
    const overdue = await allPages(service.url, '/v1/agency/records?status=registered&overdue=true', {
      token,
    });
    expect(overdue.items.map((r) => r.id)).toContain(hiddenIds[label]);

    const published = await call(service.url, 'POST', `/v1/records/${hiddenIds[label]}/publish`, { token });

    expect(published.status).toBe(200);
    expect(published.json).toMatchObject({ status: 'published', visibility: { public: false, reason } });
  });

  it('never appears in any public answer, whatever the query', async ({ service, agency }) => {
    const id = hiddenIds[label] as string;

    const answers = await Promise.all(
      matchingQueries(input, agency.uscc).map((query) => publicIds(service, query)),
    );

    for (const ids of answers) expect(ids).not.toContain(id);
    expectProblem(await call(service.url, 'GET', `/v1/disclosures/${id}`), 404, 'disclosure_not_found');
  });
});

describe('the public record beside them', () => {
  it('is found by the same queries, which shows those queries reach the hidden records too', async ({
    service,
    agency,
  }) => {
    const detail = await call(service.url, 'GET', `/v1/disclosures/${visibleId}`);
    const queries: Record<string, string>[] = [
      {},
      { agency: agency.uscc },
      { kind: 'penalty' },
      { from: DATE, to: DATE },
    ];
    const found = await Promise.all(queries.map((query) => publicIds(service, query)));

    expect(detail.status).toBe(200);
    for (const ids of found) expect(ids).toContain(visibleId);
  });

  it('leaves the public once a correction makes it a simplified-procedure penalty', async ({
    service,
    agency,
  }) => {
    const correction = await call(service.url, 'POST', `/v1/records/${visibleId}/corrections`, {
      token: agency.token,
      body: { reason: '程序登记错误', changes: { penalty: { procedure: 'simplified' } } },
    });

    expect(correction.json.visibility).toMatchObject({ public: false, reason: 'simplified_procedure' });
    expectProblem(
      await call(service.url, 'GET', `/v1/disclosures/${visibleId}`),
      404,
      'disclosure_not_found',
    );
    expect(await publicIds(service, { agency: agency.uscc })).not.toContain(visibleId);
  });
});

describe('a penalty registered after its maximum publication period ended', () => {
  it('is registered as published but never shown, before any sweep has run', async ({ service, agency }) => {
    // A general penalty under notice 527 is published for at most 1 year: until 2023-01-10.
    const input = penaltyInput({
      decisionDate: '2022-01-10',
      subject: subjectNamed('济阳区期满商贸有限公司'),
    });
    const registered = await call(service.url, 'POST', '/v1/records', {
      token: agency.token,
      body: { ...input, publish: true },
    });
    const id = registered.json.id as string;

    const detail = await call(service.url, 'GET', `/v1/disclosures/${id}`);
    const found = await Promise.all(
      matchingQueries(input, agency.uscc).map((query) => publicIds(service, query)),
    );

    expect(registered.status).toBe(201);
    expectProblem(detail, 404, 'disclosure_not_found');
    expect(found.flat()).not.toContain(id);
  });
});
