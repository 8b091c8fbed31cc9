import fc, { type Arbitrary } from 'fast-check';
import { ROUTES, type RouteKeyOf, routeKey } from '../../shared/http/routes.ts';
import { describe, expect, it, type World } from '../support/e2e.ts';
import {
  type BadRequest,
  type BodySpec,
  badRequests,
  badText,
  CJK_4_BYTES,
  DYNAMODB_SYNTAX,
  FUZZ_RUNS,
  FUZZ_SEED,
  tryBadRequests,
  wrongTypeFor,
} from '../support/fuzz.ts';
import { call } from '../support/http.ts';
import { type TableState, tableState } from '../support/table-state.ts';

/*
 * Bad input to every route of the inbox group (inbox, contact address, its confirmation, the
 * credit office's dead letters). Every answer is a documented 4xx problem+json; nothing changes.
 */

const state = ({ service, store, admin }: Pick<World, 'service' | 'store' | 'admin'>): Promise<TableState> =>
  tableState(store, service.url, admin);

const BAD_IDS = [
  '',
  'x',
  '20261204T000000000Z-0123456789abcdeg',
  '20261204T000000000Z-0123456789ABCDEF',
  '20261204T000000000Z-0123456789abcdef0',
  '..%2F..%2Fetc%2Fpasswd',
  encodeURIComponent(CJK_4_BYTES),
  ...DYNAMODB_SYNTAX.map(encodeURIComponent),
];

const BAD_EMAILS = fc.constantFrom(
  '',
  'no-at-sign',
  '@example.com',
  'a@',
  'a b@example.com',
  `${'a'.repeat(250)}@example.com`,
  `名字${CJK_4_BYTES}@`,
  ...DYNAMODB_SYNTAX,
);

const contact: BodySpec = {
  valid: () => ({ email: 'fuzz@example.com' }),
  slots: [{ path: 'email', bad: fc.oneof(BAD_EMAILS, wrongTypeFor('string')) }],
  required: ['email'],
  closed: [''],
};

const confirmation: BodySpec = {
  valid: () => ({ token: 'A'.repeat(43) }),
  slots: [{ path: 'token', bad: fc.oneof(badText(100, 'A'.repeat(42)), wrongTypeFor('string')) }],
  required: ['token'],
  closed: [''],
};

const paging = { limit: ['0', '101', '-1', '1.5', '1e1', 'ten', ''], cursor: ['x', '%00', 'A'.repeat(2001)] };

const CASES: {
  readonly [K in RouteKeyOf<'inbox'>]: (w: Pick<World, 'entity' | 'admin'>) => Arbitrary<BadRequest>;
} = {
  'GET /v1/inbox': ({ entity }) =>
    badRequests({ method: 'GET', template: '/v1/inbox', token: entity.token, query: {}, badQuery: paging }),
  'POST /v1/inbox/{id}/read': ({ entity }) =>
    badRequests({
      method: 'POST',
      template: '/v1/inbox/{id}/read',
      token: entity.token,
      params: { id: '20261204T000000000Z-0123456789abcdef' },
      badParams: { id: BAD_IDS },
    }),
  'PUT /v1/contact': ({ entity }) =>
    badRequests({ method: 'PUT', template: '/v1/contact', token: entity.token, body: contact }),
  'GET /v1/contact': ({ entity }) =>
    badRequests({
      method: 'GET',
      template: '/v1/contact',
      token: entity.token,
      query: {},
      badQuery: { x: ['1'] },
    }),
  'POST /v1/contact/confirmation': () =>
    badRequests({ method: 'POST', template: '/v1/contact/confirmation', body: confirmation }),
  'GET /v1/admin/mail/dead-letters': ({ admin }) =>
    badRequests({
      method: 'GET',
      template: '/v1/admin/mail/dead-letters',
      token: admin,
      query: {},
      badQuery: paging,
    }),
  'POST /v1/admin/mail/dead-letters/{id}/retry': ({ admin }) =>
    badRequests({
      method: 'POST',
      template: '/v1/admin/mail/dead-letters/{id}/retry',
      token: admin,
      params: { id: '0'.repeat(40) },
      badParams: {
        id: ['', '0'.repeat(39), '0'.repeat(41), 'g'.repeat(40), ...DYNAMODB_SYNTAX.map(encodeURIComponent)],
      },
    }),
};

describe('bad input to the inbox and contact routes', () => {
  it('has cases for every route of the group', () => {
    const declared = ROUTES.filter((r) => r.group === 'inbox').map(routeKey);
    expect(Object.keys(CASES).sort()).toEqual(declared.sort());
  });

  it('refuses an address nobody could receive mail at, with the field named', async ({ service, entity }) => {
    const answer = await call(service.url, 'PUT', '/v1/contact', {
      token: entity.token,
      body: { email: 'a b@x' },
    });
    expect(answer.status).toBe(400);
    expect(answer.json.code).toBe('validation_failed');
    expect(JSON.stringify(answer.json.errors)).toContain('email');
  });

  it.for(Object.keys(CASES) as (keyof typeof CASES)[])(
    `%s refuses ${FUZZ_RUNS} generated bad requests with 4xx problem+json and changes nothing`,
    async (key, { service, entity, admin, store }) => {
      const before = await state({ service, store, admin });

      const result = await tryBadRequests(service.url, CASES[key]({ entity, admin }));

      expect(result.failures, `seed ${FUZZ_SEED}`).toEqual([]);
      expect(result.tried).toBe(FUZZ_RUNS);
      expect(await state({ service, store, admin })).toEqual(before);
    },
  );
});
