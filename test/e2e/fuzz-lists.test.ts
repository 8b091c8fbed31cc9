import fc from 'fast-check';
import { ROUTES, type RouteKeyOf, routeKey } from '../../shared/http/routes.ts';
import { describe, expect, it, type World } from '../support/e2e.ts';
import {
  BAD_ID_NUMBERS,
  type BadRequest,
  type BodySpec,
  badIds,
  badLine,
  badRequests,
  badText,
  badUscc,
  CJK_4_BYTES,
  DYNAMODB_SYNTAX,
  FUZZ_RUNS,
  FUZZ_SEED,
  IMPOSSIBLE_DATES,
  pagingCases,
  tryBadRequests,
  wrongTypeFor,
} from '../support/fuzz.ts';
import { call } from '../support/http.ts';
import { CASE_STATED, exitBody, LIST_IT, listClient, proposalBody } from '../support/list-mothers.ts';
import { COMPANY } from '../support/record-builders.ts';
import { type TableState, tableState } from '../support/table-state.ts';
import { daysAgo, evidenceOf } from '../support/workflow-mothers.ts';

/*
 * Bad input to every route of the lists group (credit lists and credit checks), against real
 * objects of the caller's: a published penalty to list on, a proposed and a listed entry, a
 * check. Every answer is a documented 4xx problem+json; nothing changes.
 */

let recordId: string;
let proposedId: string;
let listedId: string;
let checkId: string;
const cursors: Record<string, string | undefined> = {};

it.beforeAll(async ({ service, api, agency, entity, admin }) => {
  const lists = listClient(service);
  recordId = await api.publishedPenalty(agency, entity);
  proposedId = await lists.proposed(agency, entity);
  listedId = await lists.listed(agency, entity);
  await lists.listed(agency, entity);
  checkId = await lists.checked(agency, entity.uscc);
  await lists.checked(agency, entity.uscc);
  const pages = {
    public: ['/v1/lists?limit=1', undefined],
    agency: ['/v1/agency/lists?limit=1', agency.token],
    entity: ['/v1/entity/lists?limit=1', entity.token],
    agencyChecks: ['/v1/agency/checks?limit=1', agency.token],
    entityChecks: ['/v1/entity/checks?limit=1', entity.token],
  } as const;
  for (const [name, [path, token]] of Object.entries(pages))
    cursors[name] = (await call(service.url, 'GET', path, token ? { token } : {})).json.cursor;
});

const state = ({ service, store, admin }: Pick<World, 'service' | 'store' | 'admin'>): Promise<TableState> =>
  tableState(store, service.url, admin);

const BAD_ENUM = ['', 'List', 'LIST', '列入', CJK_4_BYTES, ...DYNAMODB_SYNTAX];
const badUsccs = () => fc.sample(badUscc(COMPANY), { numRuns: 20, seed: 3 }).map(String);

const proposal = (uscc: string): BodySpec => ({
  valid: () => proposalBody({ uscc }, recordId),
  slots: [
    { path: 'type', bad: fc.constantFrom(...BAD_ENUM, 'blacklist') },
    { path: 'agency', bad: fc.constantFrom(...badUsccs()) },
    { path: 'subject.category', bad: fc.constantFrom(...BAD_ENUM, 'company') },
    { path: 'subject.name', bad: badLine(200, '济南示例科技有限公司') },
    { path: 'subject.uscc', bad: fc.constantFrom(...badUsccs()) },
    { path: 'subject.idNumber', bad: fc.constantFrom(...BAD_ID_NUMBERS) },
    { path: 'basis', bad: badText(2000, '拒不履行行政处罚决定') },
    {
      path: 'recordIds',
      bad: fc.constantFrom(
        [],
        ['obj_0123456789abcdefghjkmnpqrs'],
        Array.from({ length: 51 }, () => recordId),
        'x',
        [1],
      ),
    },
    {
      path: 'measures',
      bad: fc.constantFrom([], ['ban_everything'], ['restrict_bidding', 1], 'restrict_bidding'),
    },
    {
      path: 'validityMonths',
      bad: fc.oneof(fc.constantFrom(0, -1, 61, 1.5, 1e9, '12', null), wrongTypeFor('number')),
    },
  ],
  required: ['type', 'subject', 'subject.category', 'subject.name', 'basis', 'recordIds', 'validityMonths'],
  closed: ['', 'subject'],
});

const statement: BodySpec = {
  valid: () => ({ ...CASE_STATED, evidence: [evidenceOf('缴款凭证')] }),
  slots: [
    { path: 'text', bad: badText(4000, '已缴清罚款') },
    {
      path: 'evidence',
      bad: fc.constantFrom(
        'x',
        [null],
        Array.from({ length: 21 }, (_, n) => evidenceOf(`材料${n}`)),
      ),
    },
    { path: 'evidence.0.sha256', bad: fc.constantFrom('A'.repeat(64), 'g'.repeat(64), '') },
  ],
  required: ['text'],
  closed: ['', 'evidence.0'],
};

const decision = (outcomes: string[]): BodySpec => ({
  valid: () => ({ ...LIST_IT, outcome: outcomes[0] }),
  slots: [
    { path: 'outcome', bad: fc.constantFrom(...BAD_ENUM, ...outcomes.map((o) => o.toUpperCase())) },
    { path: 'reason', bad: badText(2000, '经核实') },
  ],
  required: ['outcome', 'reason'],
  closed: [''],
});

const exit: BodySpec = {
  valid: () => exitBody(),
  slots: [
    { path: 'statement', bad: badText(4000, '已整改') },
    { path: 'commitment.text', bad: badText(4000, '本单位承诺') },
    { path: 'commitment.signedAt', bad: fc.constantFrom(...IMPOSSIBLE_DATES, daysAgo(-2), daysAgo(400)) },
    { path: 'evidence', bad: fc.constantFrom([], 'x', [null]) },
  ],
  required: ['statement', 'commitment', 'commitment.text', 'commitment.signedAt', 'evidence'],
  closed: ['', 'commitment', 'evidence.0'],
};

const entryRoute = (
  method: 'GET' | 'POST',
  template: string,
  id: () => string,
  token: string,
  body?: BodySpec,
) =>
  badRequests({
    method,
    template,
    token,
    params: { id: id() },
    badParams: { id: badIds('lst') },
    ...(body ? { body } : {}),
  });

const CASES: {
  readonly [K in RouteKeyOf<'lists'>]: (
    w: Pick<World, 'agency' | 'entity' | 'admin'>,
  ) => fc.Arbitrary<BadRequest>;
} = {
  'POST /v1/lists/entries': ({ agency, entity }) =>
    badRequests({
      method: 'POST',
      template: '/v1/lists/entries',
      token: agency.token,
      body: proposal(entity.uscc),
    }),
  'GET /v1/lists': () =>
    badRequests({
      method: 'GET',
      template: '/v1/lists',
      ...pagingCases(cursors.public, {
        type: BAD_ENUM.map(encodeURIComponent),
        uscc: badUsccs().map(encodeURIComponent),
        agency: badUsccs().map(encodeURIComponent),
        name: ['', '济', encodeURIComponent('济\u200b南'), encodeURIComponent('x'.repeat(201))],
      }),
    }),
  'GET /v1/lists/entries/{id}': () => entryRoute('GET', '/v1/lists/entries/{id}', () => listedId, ''),
  'GET /v1/lists/entries/{id}/case': ({ entity }) =>
    entryRoute('GET', '/v1/lists/entries/{id}/case', () => proposedId, entity.token),
  'POST /v1/lists/entries/{id}/statement': ({ entity }) =>
    entryRoute('POST', '/v1/lists/entries/{id}/statement', () => proposedId, entity.token, statement),
  'POST /v1/lists/entries/{id}/decision': ({ agency }) =>
    entryRoute(
      'POST',
      '/v1/lists/entries/{id}/decision',
      () => proposedId,
      agency.token,
      decision(['list', 'not_list']),
    ),
  'POST /v1/lists/entries/{id}/objection': ({ entity }) =>
    entryRoute('POST', '/v1/lists/entries/{id}/objection', () => listedId, entity.token, {
      valid: () => ({ statement: '认定有误', evidence: [] }),
      slots: [{ path: 'statement', bad: badText(4000, '认定有误') }],
      required: ['statement'],
      closed: [''],
    }),
  'POST /v1/lists/entries/{id}/objection/decision': ({ agency }) =>
    entryRoute(
      'POST',
      '/v1/lists/entries/{id}/objection/decision',
      () => listedId,
      agency.token,
      decision(['upheld', 'rejected']),
    ),
  'POST /v1/lists/entries/{id}/exit': ({ entity }) =>
    entryRoute('POST', '/v1/lists/entries/{id}/exit', () => listedId, entity.token, exit),
  'POST /v1/lists/entries/{id}/exit/decision': ({ agency }) =>
    entryRoute(
      'POST',
      '/v1/lists/entries/{id}/exit/decision',
      () => listedId,
      agency.token,
      decision(['upheld', 'rejected']),
    ),
  'GET /v1/agency/lists': ({ agency }) =>
    badRequests({
      method: 'GET',
      template: '/v1/agency/lists',
      token: agency.token,
      ...pagingCases(cursors.agency, {
        status: [...BAD_ENUM.map(encodeURIComponent), 'Listed', 'listed%2Cremoved'],
      }),
    }),
  'GET /v1/entity/lists': ({ entity }) =>
    badRequests({
      method: 'GET',
      template: '/v1/entity/lists',
      token: entity.token,
      ...pagingCases(cursors.entity),
    }),
  'POST /v1/checks': ({ agency, entity }) =>
    badRequests({
      method: 'POST',
      template: '/v1/checks',
      token: agency.token,
      body: {
        valid: () => ({ uscc: entity.uscc, matter: { name: '食品经营许可', type: '行政许可' } }),
        slots: [
          { path: 'uscc', bad: fc.constantFrom(...badUsccs()) },
          { path: 'matter.name', bad: badLine(200, '食品经营许可') },
          { path: 'matter.type', bad: fc.constantFrom(...BAD_ENUM, '许可', 'Licensing', '行政处罚') },
        ],
        required: ['uscc', 'matter', 'matter.name', 'matter.type'],
        closed: ['', 'matter'],
      },
    }),
  'GET /v1/checks/{id}': ({ agency }) =>
    badRequests({
      method: 'GET',
      template: '/v1/checks/{id}',
      token: agency.token,
      params: { id: checkId },
      badParams: { id: badIds('chk') },
    }),
  'POST /v1/checks/{id}/feedback': ({ agency }) =>
    badRequests({
      method: 'POST',
      template: '/v1/checks/{id}/feedback',
      token: agency.token,
      params: { id: checkId },
      badParams: { id: badIds('chk') },
      body: {
        valid: () => ({
          applied: true,
          measures: ['restrict_licensing'],
          reason: '不予许可',
          actedOn: daysAgo(0),
        }),
        slots: [
          { path: 'applied', bad: wrongTypeFor('boolean') },
          { path: 'measures', bad: fc.constantFrom(['ban'], 'restrict_licensing', [1]) },
          { path: 'reason', bad: badText(2000, '不予许可') },
          { path: 'actedOn', bad: fc.constantFrom(...IMPOSSIBLE_DATES) },
        ],
        required: ['applied', 'reason', 'actedOn'],
        closed: [''],
      },
    }),
  'GET /v1/agency/checks': ({ agency }) =>
    badRequests({
      method: 'GET',
      template: '/v1/agency/checks',
      token: agency.token,
      ...pagingCases(cursors.agencyChecks),
    }),
  'GET /v1/entity/checks': ({ entity }) =>
    badRequests({
      method: 'GET',
      template: '/v1/entity/checks',
      token: entity.token,
      ...pagingCases(cursors.entityChecks),
    }),
  'GET /v1/stats/checks': () => badRequests({ method: 'GET', template: '/v1/stats/checks' }),
};

describe('bad input to the credit list and credit check routes', () => {
  it('has cases for every route of the group', () => {
    const declared = ROUTES.filter((r) => r.group === 'lists').map(routeKey);
    expect(Object.keys(CASES).sort()).toEqual(declared.sort());
  });

  it.for(Object.keys(CASES) as (keyof typeof CASES)[])(
    `%s refuses ${FUZZ_RUNS} generated bad requests with 4xx problem+json and changes nothing`,
    async (key, { service, agency, entity, admin, store }) => {
      const before = await state({ service, store, admin });

      const result = await tryBadRequests(service.url, CASES[key]({ agency, entity, admin }));

      expect(result.failures, `seed ${FUZZ_SEED}`).toEqual([]);
      expect(result.tried).toBe(FUZZ_RUNS);
      expect(await state({ service, store, admin })).toEqual(before);
    },
  );
});
