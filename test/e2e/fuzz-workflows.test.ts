import fc, { type Arbitrary } from 'fast-check';
import { ROUTES, type RouteKeyOf, routeKey } from '../../shared/http/routes.ts';
import { describe, expect, it, type World } from '../support/e2e.ts';
import {
  BAD_CHANGES,
  BAD_CURSORS,
  BAD_LIMITS,
  type BadRequest,
  BIDI,
  type BodySpec,
  badIds,
  badLine,
  badRequests,
  badText,
  CJK_4_BYTES,
  DYNAMODB_SYNTAX,
  FUZZ_RUNS,
  FUZZ_SEED,
  HIDDEN,
  IMPOSSIBLE_DATES,
  type Slot,
  tamperedCursors,
  tryBadRequests,
  withHidden,
  wrongTypeFor,
} from '../support/fuzz.ts';
import { call } from '../support/http.ts';
import { materialOf, pdfOf } from '../support/materials.ts';
import { type TableState, tableState } from '../support/table-state.ts';
import { APPROVE, daysAgo, evidenceOf, objectionBody, repairBody } from '../support/workflow-mothers.ts';

/*
 * Bad input to every route of the objections and repairs groups, against real objects of
 * the caller's: a published record to object to, one to repair, pending objections and
 * repair applications. Every answer is a documented 4xx problem+json; nothing changes.
 */

let forObjection: string;
let forRepair: string;
let objectionId: string;
let repairId: string;
const cursors: Record<string, string> = {};

it.beforeAll(async ({ service, api, agency, entity, person }) => {
  const records = await Promise.all(Array.from({ length: 6 }, () => api.publishedPenalty(agency, entity)));
  const [a, b, c, d, e, f] = records as [string, string, string, string, string, string];
  [forObjection, forRepair] = [a, b];
  [objectionId] = await Promise.all([api.objected(entity, c), api.objected(entity, d)]);
  [repairId] = await Promise.all([api.repaired(entity, e), api.repaired(entity, f)]);
  // Two of each for the person too, so each of their lists has a second page to point at.
  const own = await Promise.all(Array.from({ length: 4 }, () => api.personPenalty(agency, person)));
  await Promise.all([
    ...own.slice(0, 2).map((r) => api.objected(person, r)),
    ...own.slice(2).map((r) => api.repaired(person, r)),
  ]);
  const lists = {
    agencyObjections: ['/v1/agency/objections?limit=1', agency.token],
    entityObjections: ['/v1/entity/objections?limit=1', entity.token],
    agencyRepairs: ['/v1/agency/repairs?limit=1', agency.token],
    entityRepairs: ['/v1/entity/repairs?limit=1', entity.token],
    personRecords: ['/v1/person/records?limit=1', person.token],
    personObjections: ['/v1/person/objections?limit=1', person.token],
    personRepairs: ['/v1/person/repairs?limit=1', person.token],
  } as const;
  for (const [name, [path, token]] of Object.entries(lists)) {
    cursors[name] = (await call(service.url, 'GET', path, { token })).json.cursor;
  }
});

const state = ({ service, store, admin }: Pick<World, 'service' | 'store' | 'admin'>): Promise<TableState> =>
  tableState(store, service.url, admin);

const BAD_ENUM = ['', 'Rejected', 'REJECTED', '驳回', CJK_4_BYTES, ...DYNAMODB_SYNTAX];
/** Raw (JSON) record ids a body's `recordId` refuses. */
const BAD_RECORD_IDS = [
  'obj_0123456789abcdefghjkmnpqrs',
  'rec_0123456789abcdefghjkmnpqrst',
  'rec_0123456789ABCDEFGHJKMNPQRS',
  'rec_../../../etc/passwd',
  `rec_0123456789abcdefghjkmnpq${CJK_4_BYTES}`,
  'rec_0123456789abcdefghjkmnpq\u200b',
  ...DYNAMODB_SYNTAX,
];

/** Evidence items that are refused, one field at a time. */
const evidenceSlots: Slot[] = [
  { path: 'evidence.0.name', bad: badLine(200, '罚款缴款凭证') },
  {
    path: 'evidence.0.sha256',
    bad: fc.constantFrom(
      'A'.repeat(64),
      'a'.repeat(63),
      'g'.repeat(64),
      `${'a'.repeat(62)}${CJK_4_BYTES}`,
      '',
    ),
  },
  {
    path: 'evidence.0.url',
    bad: fc.oneof(
      fc.constantFrom(
        'http://example.com/a.pdf',
        'javascript:alert(1)',
        'file:///etc/passwd',
        'ftp://example.com/a',
        `https://example.com/${'x'.repeat(1000)}`,
        'not a url',
      ),
      // What the text fields refuse, a link refuses too: hidden, bidi, a lone surrogate.
      withHidden('https://files.example.gov.cn/a.pdf', [...HIDDEN, ...BIDI, '\ud800']),
    ),
  },
  {
    path: 'evidence.0.file.contentType',
    bad: fc.constantFrom(
      'text/plain',
      'application/PDF',
      'image/svg+xml',
      'application/zip',
      '',
      ...DYNAMODB_SYNTAX,
    ),
  },
  {
    path: 'evidence.0.file.size',
    bad: fc.oneof(
      fc.constantFrom(0, -1, 1.5, 20 * 1024 * 1024 + 1, 2 ** 53, '1024', null),
      wrongTypeFor('number'),
    ),
  },
  {
    path: 'evidence',
    bad: fc.constantFrom(
      Array.from({ length: 21 }, (_, n) => evidenceOf(`材料${n}`)),
      'x',
      [null],
      [evidenceOf('a'), 'b'],
    ),
  },
];

/** The first evidence item carries a file, so its declaration is fuzzed as well. */
const withFile = { evidence: [materialOf('行政处罚决定书', pdfOf(1024))] };

const objection = (): BodySpec => ({
  valid: () => objectionBody(forObjection, withFile),
  slots: [
    { path: 'recordId', bad: fc.constantFrom(...BAD_RECORD_IDS) },
    { path: 'reason', bad: fc.constantFrom(...BAD_ENUM, 'content error') },
    { path: 'statement', bad: badText(4000, '处罚决定书载明的罚款金额与公示不符') },
    ...evidenceSlots,
  ],
  required: ['recordId', 'reason', 'statement'],
  closed: ['', 'evidence.0', 'evidence.0.file'],
});

const repair = (): BodySpec => ({
  valid: () => repairBody(forRepair, withFile),
  slots: [
    { path: 'recordId', bad: fc.constantFrom(...BAD_RECORD_IDS) },
    { path: 'commitment.text', bad: badText(4000, '本单位承诺依法诚信经营') },
    {
      path: 'commitment.signedAt',
      bad: fc.constantFrom(...IMPOSSIBLE_DATES, daysAgo(-2), daysAgo(400)),
    },
    { path: 'evidence', bad: fc.constant([]) },
    ...evidenceSlots,
  ],
  required: ['recordId', 'commitment', 'commitment.text', 'commitment.signedAt', 'evidence'],
  closed: ['', 'commitment', 'evidence.0', 'evidence.0.file'],
});

/** Material numbers the path refuses: none, out of 1…20, not plain decimal digits. */
const BAD_MATERIAL_NUMBERS = [
  '0',
  '21',
  '99',
  '-1',
  '1.5',
  '01',
  '1e1',
  'abc',
  '%EF%BC%91',
  '%00',
  ...DYNAMODB_SYNTAX.map(encodeURIComponent),
];

/** The three material routes of a filing, refusing bad ids and numbers. */
function materialCases<K extends 'objection' | 'repair'>(kind: K, id: () => string) {
  const prefix = kind === 'objection' ? 'obj' : 'rep';
  const request =
    (method: 'GET' | 'POST', suffix: string) => (w: Pick<World, 'agency' | 'entity' | 'person'>) =>
      badRequests({
        method,
        template: `/v1/${kind}s/{id}/materials/{n}${suffix}`,
        token: w.entity.token,
        params: { id: id(), n: '1' },
        badParams: { id: badIds(prefix), n: BAD_MATERIAL_NUMBERS },
      });
  return {
    [`POST /v1/${kind}s/{id}/materials/{n}/upload`]: request('POST', '/upload'),
    [`POST /v1/${kind}s/{id}/materials/{n}/receipt`]: request('POST', '/receipt'),
    [`GET /v1/${kind}s/{id}/materials/{n}`]: request('GET', ''),
  } as Record<
    `${'POST' | 'GET'} /v1/${K}s/{id}/materials/{n}${'' | '/upload' | '/receipt'}`,
    (w: Pick<World, 'agency' | 'entity' | 'person'>) => Arbitrary<BadRequest>
  >;
}

/** An upheld objection with a correction: the body whose every part a decision checks. */
const objectionDecision: BodySpec = {
  valid: () => ({ outcome: 'upheld', reason: '经核实罚款金额有误', correction: { remarks: '更正备注' } }),
  slots: [
    { path: 'outcome', bad: fc.constantFrom(...BAD_ENUM, 'rejected') },
    { path: 'reason', bad: badText(2000, '经核实罚款金额有误') },
    { path: 'correction', bad: BAD_CHANGES },
    { path: 'revoke', bad: fc.oneof(fc.constant(true), wrongTypeFor('boolean')) },
  ],
  required: ['outcome', 'reason', 'correction'],
  closed: ['', 'correction'],
  nullable: ['correction.remarks'],
};

const listQuery = (cursor: string | undefined, extra: Record<string, readonly string[]> = {}) => ({
  query: { limit: '1' },
  badQuery: {
    limit: BAD_LIMITS,
    cursor: [...BAD_CURSORS, ...(cursor ? tamperedCursors(cursor) : [])],
    ...extra,
  },
});

const STATUS_EXTRA = (valid: string) => ({
  status: [
    '',
    'Pending',
    'all',
    `${valid},pending`,
    '%F0%A0%80%80',
    ...DYNAMODB_SYNTAX.map(encodeURIComponent),
  ],
  overdue: ['yes', '1', 'TRUE', ''],
});

const CASES: {
  readonly [K in RouteKeyOf<'objections'> | RouteKeyOf<'repairs'> | RouteKeyOf<'worklist'>]: (
    w: Pick<World, 'agency' | 'entity' | 'person'>,
  ) => Arbitrary<BadRequest>;
} = {
  'POST /v1/objections': ({ entity }) =>
    badRequests({ method: 'POST', template: '/v1/objections', token: entity.token, body: objection() }),
  'GET /v1/objections/{id}': ({ entity }) =>
    badRequests({
      method: 'GET',
      template: '/v1/objections/{id}',
      token: entity.token,
      params: { id: objectionId },
      badParams: { id: badIds('obj') },
    }),
  'POST /v1/objections/{id}/acceptance': ({ agency }) =>
    badRequests({
      method: 'POST',
      template: '/v1/objections/{id}/acceptance',
      token: agency.token,
      params: { id: objectionId },
      badParams: { id: badIds('obj') },
      body: {
        valid: () => ({ needsOtherUnit: true }),
        slots: [{ path: 'needsOtherUnit', bad: wrongTypeFor('boolean') }],
        required: ['needsOtherUnit'],
        closed: [''],
      },
    }),
  'POST /v1/objections/{id}/decision': ({ agency }) =>
    badRequests({
      method: 'POST',
      template: '/v1/objections/{id}/decision',
      token: agency.token,
      params: { id: objectionId },
      badParams: { id: badIds('obj') },
      body: objectionDecision,
    }),
  ...materialCases('objection', () => objectionId),
  'GET /v1/agency/objections': ({ agency }) =>
    badRequests({
      method: 'GET',
      template: '/v1/agency/objections',
      token: agency.token,
      ...listQuery(cursors.agencyObjections, STATUS_EXTRA('decided')),
    }),
  'GET /v1/entity/objections': ({ entity }) =>
    badRequests({
      method: 'GET',
      template: '/v1/entity/objections',
      token: entity.token,
      ...listQuery(cursors.entityObjections),
    }),
  'GET /v1/person/records': ({ person }) =>
    badRequests({
      method: 'GET',
      template: '/v1/person/records',
      token: person.token,
      ...listQuery(cursors.personRecords),
    }),
  'GET /v1/person/objections': ({ person }) =>
    badRequests({
      method: 'GET',
      template: '/v1/person/objections',
      token: person.token,
      ...listQuery(cursors.personObjections),
    }),
  'POST /v1/repairs': ({ entity }) =>
    badRequests({ method: 'POST', template: '/v1/repairs', token: entity.token, body: repair() }),
  ...materialCases('repair', () => repairId),
  'GET /v1/repairs/{id}': ({ entity }) =>
    badRequests({
      method: 'GET',
      template: '/v1/repairs/{id}',
      token: entity.token,
      params: { id: repairId },
      badParams: { id: badIds('rep') },
    }),
  'POST /v1/repairs/{id}/decision': ({ agency }) =>
    badRequests({
      method: 'POST',
      template: '/v1/repairs/{id}/decision',
      token: agency.token,
      params: { id: repairId },
      badParams: { id: badIds('rep') },
      body: {
        valid: () => ({ ...APPROVE }),
        slots: [
          { path: 'outcome', bad: fc.constantFrom(...BAD_ENUM, 'upheld', 'approve') },
          { path: 'reason', bad: badText(2000, '已缴清罚款并完成整改') },
        ],
        required: ['outcome', 'reason'],
        closed: [''],
      },
    }),
  'GET /v1/repairs/{id}/decision-document': ({ entity }) =>
    badRequests({
      method: 'GET',
      template: '/v1/repairs/{id}/decision-document',
      token: entity.token,
      params: { id: repairId },
      badParams: { id: badIds('rep') },
      query: {},
      badQuery: { format: ['pdf', 'HTML', '', 'json,html', '%3Cscript%3E'] },
    }),
  'GET /v1/agency/repairs': ({ agency }) =>
    badRequests({
      method: 'GET',
      template: '/v1/agency/repairs',
      token: agency.token,
      ...listQuery(cursors.agencyRepairs, STATUS_EXTRA('approved')),
    }),
  'GET /v1/entity/repairs': ({ entity }) =>
    badRequests({
      method: 'GET',
      template: '/v1/entity/repairs',
      token: entity.token,
      ...listQuery(cursors.entityRepairs),
    }),
  'GET /v1/person/repairs': ({ person }) =>
    badRequests({
      method: 'GET',
      template: '/v1/person/repairs',
      token: person.token,
      ...listQuery(cursors.personRepairs),
    }),
  'GET /v1/agency/worklist': ({ agency }) =>
    badRequests({
      method: 'GET',
      template: '/v1/agency/worklist',
      token: agency.token,
      query: {},
      badQuery: { limit: ['1'], status: ['registered'], cursor: ['x'] },
    }),
};

describe('bad input to the objection and repair routes', () => {
  it('has cases for every route of the two groups', () => {
    const groups = ['objections', 'repairs', 'worklist'];
    const declared = ROUTES.filter((r) => groups.includes(r.group)).map(routeKey);
    expect(Object.keys(CASES).sort()).toEqual(declared.sort());
  });

  it('has the objects the cases aim at, all pending', async ({ service, entity }) => {
    const [o, r] = await Promise.all([
      call(service.url, 'GET', `/v1/objections/${objectionId}`, { token: entity.token }),
      call(service.url, 'GET', `/v1/repairs/${repairId}`, { token: entity.token }),
    ]);
    expect([o.json.status, r.json.status]).toEqual(['pending', 'pending']);
    expect(Object.values(cursors).every(Boolean)).toBe(true);
  });

  it.for(Object.keys(CASES) as (keyof typeof CASES)[])(
    `%s refuses ${FUZZ_RUNS} generated bad requests with 4xx problem+json and changes nothing`,
    async (key, { service, agency, entity, person, admin, store }) => {
      const before = await state({ service, store, admin });

      const result = await tryBadRequests(service.url, CASES[key]({ agency, entity, person }));

      expect(result.failures, `seed ${FUZZ_SEED}`).toEqual([]);
      expect(result.tried).toBe(FUZZ_RUNS);
      expect(await state({ service, store, admin })).toEqual(before);
    },
  );
});

describe('a correction made by upholding an objection', () => {
  it('is held to the rules of a correction: a decision date after today is refused, nothing changes', async ({
    service,
    api,
    agency,
    entity,
    admin,
    store,
  }) => {
    const recordId = await api.publishedPenalty(agency, entity);
    const pending = await api.objected(entity, recordId);
    const before = await state({ service, store, admin });

    const answer = await api.decideObjection(agency.token, pending, {
      outcome: 'upheld',
      reason: '决定日期有误',
      correction: { decisionDate: daysAgo(-3) },
    });

    expect([answer.status, answer.json.code]).toEqual([400, 'decision_date_in_future']);
    expect(answer.json.field).toBe('body.correction.decisionDate');
    expect(await state({ service, store, admin })).toEqual(before);
  });
});

describe('an objection restated after it was rejected', () => {
  const STATEMENT = '处罚决定书载明的罚款金额5万元与公示不符。';
  /** The rejected statement, or a part of it, in other widths, spacing and punctuation. */
  const restatement = fc
    .tuple(
      fc.integer({ min: 0, max: 4 }),
      fc.integer({ min: 0, max: 4 }),
      fc.array(fc.constantFrom(' ', '\u3000', '，', '。', '！', '、', '…', '"', '（', '）'), {
        maxLength: 12,
      }),
      fc.boolean(),
      fc.nat(),
    )
    .map(([head, tail, marks, fullWidth, seed]) => {
      const chars = Array.from(STATEMENT.slice(head, STATEMENT.length - tail));
      for (const [i, mark] of marks.entries()) chars.splice((seed + i * 7) % (chars.length + 1), 0, mark);
      const text = chars.join('');
      // Full-width digits fold to the same statement (NFKC).
      return fullWidth ? text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : text;
    })
    .filter((s) => s.trim().length > 0);

  it(`refuses ${FUZZ_RUNS} generated restatements with 422 objection_repeated and changes nothing`, async ({
    service,
    api,
    agency,
    entity,
    admin,
    store,
  }) => {
    const record = await api.publishedPenalty(agency, entity);
    const evidence = [evidenceOf('行政处罚决定书扫描件'), evidenceOf('公示页面截图')];
    const first = await api.objected(entity, record, { statement: STATEMENT, evidence });
    await api.decideObjection(agency.token, first, { outcome: 'rejected', reason: '经核实，公示内容无误' });
    const before = await state({ service, store, admin });

    const failures: string[] = [];
    for (const statement of fc.sample(restatement, { numRuns: FUZZ_RUNS, seed: FUZZ_SEED })) {
      const body = objectionBody(record, { statement, evidence: evidence.slice(0, statement.length % 3) });
      const answer = await api.object(entity, body);
      if (answer.status !== 422 || answer.json.code !== 'objection_repeated') {
        failures.push(`${JSON.stringify(statement)}: ${answer.status} ${answer.json?.code}`);
      }
    }

    expect(failures, `seed ${FUZZ_SEED}`).toEqual([]);
    expect(await state({ service, store, admin })).toEqual(before);
  });
});
