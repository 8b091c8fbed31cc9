import fc from 'fast-check';
import { ROUTES, type RouteKeyOf, routeKey } from '../../shared/http/routes.ts';
import { commitmentBody, commitmentClient } from '../support/commitment-mothers.ts';
import { describe, expect, it, type World } from '../support/e2e.ts';
import {
  BAD_CURSORS,
  BAD_LIMITS,
  type BadRequest,
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
  tamperedCursors,
  tryBadRequests,
} from '../support/fuzz.ts';
import { call } from '../support/http.ts';
import { listClient } from '../support/list-mothers.ts';
import { COMPANY } from '../support/record-builders.ts';
import { type TableState, tableState } from '../support/table-state.ts';

/*
 * Bad input to every route of the commitments and reports groups, against real objects of
 * the caller's: a commitment its agency received, a report of the entity, a check. Every
 * answer is a documented 4xx problem+json; nothing changes.
 */

let commitmentId: string;
let reportNumber: string;
let checkId: string;
let recordId: string;
const cursors: Record<string, string | undefined> = {};

it.beforeAll(async ({ service, api, agency, entity }) => {
  const client = commitmentClient(service);
  recordId = await api.publishedPenalty(agency, entity);
  commitmentId = await client.committed(agency, entity);
  await client.committed(agency, entity);
  reportNumber = await client.reported(entity, 'special');
  await client.reported(entity, 'public');
  checkId = await listClient(service).checked(agency, entity.uscc);
  const pages = {
    public: [`/v1/commitments?uscc=${entity.uscc}&limit=1`, undefined],
    agency: ['/v1/agency/commitments?limit=1', agency.token],
    entity: ['/v1/entity/commitments?limit=1', entity.token],
    reports: ['/v1/entity/reports?limit=1', entity.token],
  } as const;
  for (const [name, [path, token]] of Object.entries(pages))
    cursors[name] = (await call(service.url, 'GET', path, token ? { token } : {})).json.cursor;
});

const state = ({ service, store, admin }: Pick<World, 'service' | 'store' | 'admin'>): Promise<TableState> =>
  tableState(store, service.url, admin);

const BAD_ENUM = ['', 'Voluntary', 'VOLUNTARY', '主动型', CJK_4_BYTES, ...DYNAMODB_SYNTAX];
const badUsccs = () => fc.sample(badUscc(COMPANY), { numRuns: 20, seed: 3 }).map(String);
const BAD_NUMBERS = [
  'XYBG-2026120-ABCDEFGH',
  'xybg-20261205-ABCDEFGH',
  'XYBG-20261205-ABCDEFG0',
  'XYBG-20261205-abcdefgh',
  encodeURIComponent('XYBG-20261205-ABCDEFGH '),
  encodeURIComponent(CJK_4_BYTES),
  'x'.repeat(40),
  ...DYNAMODB_SYNTAX.map(encodeURIComponent),
];

const byId = (
  method: 'GET' | 'POST',
  template: string,
  token: string,
  body?: Parameters<typeof badRequests>[0]['body'],
) =>
  badRequests({
    method,
    template,
    token,
    params: { id: commitmentId },
    badParams: { id: badIds('cmt') },
    ...(body ? { body } : {}),
  });

const CASES: {
  readonly [K in RouteKeyOf<'commitments'> | RouteKeyOf<'reports'>]: (
    w: Pick<World, 'agency' | 'entity' | 'admin'>,
  ) => fc.Arbitrary<BadRequest>;
} = {
  'POST /v1/commitments': ({ agency, entity }) =>
    badRequests({
      method: 'POST',
      template: '/v1/commitments',
      token: agency.token,
      body: {
        valid: () => commitmentBody(entity, { recordId }),
        slots: [
          { path: 'type', bad: fc.constantFrom(...BAD_ENUM, 'approval') },
          { path: 'uscc', bad: fc.constantFrom(...badUsccs()) },
          { path: 'name', bad: badLine(200, '济南示例科技有限公司') },
          { path: 'category', bad: fc.constantFrom(...BAD_ENUM, 'natural_person') },
          { path: 'matter', bad: badLine(200, '食品经营许可') },
          { path: 'text', bad: badText(4000, '本单位承诺') },
          { path: 'madeOn', bad: fc.constantFrom(...IMPOSSIBLE_DATES) },
          { path: 'validUntil', bad: fc.constantFrom(...IMPOSSIBLE_DATES) },
          { path: 'receiver', bad: fc.constantFrom(...badUsccs()) },
          { path: 'recordId', bad: fc.constantFrom('obj_0123456789abcdefghjkmnpqrs', 'rec_', 1) },
        ],
        required: ['type', 'uscc', 'name', 'matter', 'text', 'madeOn'],
        closed: [''],
      },
    }),
  'GET /v1/commitments': ({ entity }) =>
    badRequests({
      method: 'GET',
      template: '/v1/commitments',
      query: { uscc: entity.uscc, limit: '1' },
      badQuery: {
        uscc: ['', ...badUsccs().map(encodeURIComponent)],
        limit: BAD_LIMITS,
        cursor: [...BAD_CURSORS, ...(cursors.public ? tamperedCursors(cursors.public) : [])],
      },
    }),
  'GET /v1/commitments/{id}': () => byId('GET', '/v1/commitments/{id}', ''),
  'POST /v1/commitments/{id}/verification': ({ agency }) =>
    byId('POST', '/v1/commitments/{id}/verification', agency.token, {
      valid: () => ({ finding: '经核查，承诺属实。' }),
      slots: [{ path: 'finding', bad: badText(2000, '经核查') }],
      required: ['finding'],
      closed: [''],
    }),
  'POST /v1/commitments/{id}/breach': ({ agency }) =>
    byId('POST', '/v1/commitments/{id}/breach', agency.token, {
      valid: () => ({ finding: '经核查，承诺不实。', recordId }),
      slots: [
        { path: 'finding', bad: badText(2000, '经核查') },
        { path: 'recordId', bad: fc.constantFrom('chk_0123456789abcdefghjkmnpqrs', '', 7) },
      ],
      required: ['finding'],
      closed: [''],
    }),
  'GET /v1/agency/commitments': ({ agency }) =>
    badRequests({
      method: 'GET',
      template: '/v1/agency/commitments',
      token: agency.token,
      ...pagingCases(cursors.agency, {
        status: [...BAD_ENUM.map(encodeURIComponent), 'Broken', 'kept%2Cbroken'],
      }),
    }),
  'GET /v1/entity/commitments': ({ entity }) =>
    badRequests({
      method: 'GET',
      template: '/v1/entity/commitments',
      token: entity.token,
      ...pagingCases(cursors.entity),
    }),
  'POST /v1/reports': ({ entity }) =>
    badRequests({
      method: 'POST',
      template: '/v1/reports',
      token: entity.token,
      body: {
        valid: () => ({ uscc: entity.uscc, scope: 'public', checkId }),
        slots: [
          { path: 'uscc', bad: fc.constantFrom(...badUsccs()) },
          { path: 'scope', bad: fc.constantFrom(...BAD_ENUM, 'Public', '专项') },
          { path: 'checkId', bad: fc.constantFrom('cmt_0123456789abcdefghjkmnpqrs', '', 3) },
        ],
        required: ['uscc', 'scope'],
        closed: [''],
      },
    }),
  'GET /v1/reports/{number}': ({ entity }) =>
    badRequests({
      method: 'GET',
      template: '/v1/reports/{number}',
      token: entity.token,
      params: { number: reportNumber },
      badParams: { number: BAD_NUMBERS },
      query: { format: 'pdf' },
      badQuery: { format: ['', 'PDF', 'docx', 'pdf%2Chtml', encodeURIComponent(CJK_4_BYTES)] },
    }),
  'GET /v1/reports/{number}/verify': () =>
    badRequests({
      method: 'GET',
      template: '/v1/reports/{number}/verify',
      params: { number: reportNumber },
      badParams: { number: BAD_NUMBERS },
    }),
  'GET /v1/entity/reports': ({ entity }) =>
    badRequests({
      method: 'GET',
      template: '/v1/entity/reports',
      token: entity.token,
      ...pagingCases(cursors.reports),
    }),
};

describe('bad input to the commitment and report routes', () => {
  it('has cases for every route of both groups', () => {
    const declared = ROUTES.filter((r) => r.group === 'commitments' || r.group === 'reports').map(routeKey);
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
