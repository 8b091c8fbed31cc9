import fc, { type Arbitrary } from 'fast-check';
import { MAX_WORKING_DAYS } from '../../shared/domain/calendar/working-days.ts';
import { EVENT_TYPES } from '../../shared/domain/events.ts';
import {
  type Access,
  type FUNCTION_GROUPS,
  ROUTES,
  type RouteKeyOf,
  routeKey,
} from '../../shared/http/routes.ts';
import { officialYearBody } from '../support/calendar-builders.ts';
import { describe, expect, it, type World } from '../support/e2e.ts';
import {
  BAD_CURSORS,
  BAD_LIMITS,
  BAD_QUERY_DATES,
  type BadRequest,
  badIds,
  badLine,
  badRequests,
  badUscc,
  CJK_4_BYTES,
  DYNAMODB_SYNTAX,
  FUZZ_RUNS,
  FUZZ_SEED,
  IMPOSSIBLE_DATES,
  refusalProblem,
  sendRaw,
  tamperedCursors,
  tooLong,
  tryBadRequests,
  withHidden,
  wrongTypeFor,
} from '../support/fuzz.ts';
import { call } from '../support/http.ts';
import { COMPANY } from '../support/record-builders.ts';
import { anAgency } from '../support/record-mothers.ts';
import { type TableState, tableState } from '../support/table-state.ts';
import { penaltyAgainst } from '../support/workflow-mothers.ts';

/*
 * Bad input to the public, calendar, statistics, admin and docs routes. Together with
 * fuzz-records and fuzz-workflows this covers every route of ROUTES (checked below).
 */

let publishedId: string;
const cursors: Record<string, string | undefined> = {};

it.beforeAll(async ({ service, api, agency, entity, admin }) => {
  const records = await Promise.all([1, 2, 3].map(() => api.publishedPenalty(agency, entity)));
  publishedId = records[0] as string;
  await Promise.all(records.slice(1).map((id) => api.objected(entity, id)));
  const lists = {
    disclosures: ['/v1/disclosures?limit=1', undefined],
    entityRecords: ['/v1/entity/records?limit=1', entity.token],
    events: ['/v1/admin/events?limit=1', admin],
    verify: ['/v1/admin/audit/verify?limit=1', admin],
  } as const;
  for (const [name, [path, token]] of Object.entries(lists)) {
    cursors[name] = (await call(service.url, 'GET', path, token ? { token } : {})).json.cursor;
  }
});

const state = ({ service, store, admin }: Pick<World, 'service' | 'store' | 'admin'>): Promise<TableState> =>
  tableState(store, service.url, admin);

const encoded = (values: readonly string[]) => values.map(encodeURIComponent);
const BAD_ENUM = encoded(['', 'Objection', 'objections', '异议', CJK_4_BYTES, ...DYNAMODB_SYNTAX]);
const paging = (cursor: string | undefined) => ({
  limit: BAD_LIMITS,
  cursor: [...BAD_CURSORS, ...(cursor ? tamperedCursors(cursor) : [])],
});
/** An agency never put in the directory, so every refused PUT would have created it. */
const FUZZ_AGENCY = anAgency();
const badUsccs = () =>
  fc.sample(badUscc(COMPANY), { numRuns: 30, seed: 1 }).map(String).map(encodeURIComponent);

/** PUT /v1/calendar/{year}: the official notice for 2040, and every way to spoil it. */
const calendarBody = {
  valid: () => officialYearBody(2040),
  slots: [
    {
      path: 'holidays',
      bad: fc.constantFrom(
        [],
        Array.from({ length: 61 }, (_, n) => ({
          date: `2040-03-${String((n % 28) + 1).padStart(2, '0')}`,
          name: '节',
        })),
        [{ date: '2041-01-01', name: '元旦' }],
        [
          { date: '2040-01-01', name: '元旦' },
          { date: '2040-01-01', name: '元旦' },
        ],
      ),
    },
    { path: 'holidays.0.date', bad: fc.constantFrom(...IMPOSSIBLE_DATES) },
    {
      path: 'holidays.0.name',
      bad: fc.oneof(fc.constantFrom('', '  '), tooLong(40), wrongTypeFor('string')),
    },
    {
      path: 'workdays',
      bad: fc.constantFrom(
        ['2040-02-30'],
        ['2040-01-02'],
        Array.from({ length: 21 }, (_, n) => `2040-06-${String(n + 1).padStart(2, '0')}`),
        '2040-01-07',
      ),
    },
    { path: 'source.title', bad: fc.oneof(fc.constantFrom('', ' '), tooLong(200), wrongTypeFor('string')) },
    {
      path: 'source.urls',
      bad: fc.constantFrom(
        ['javascript:alert(1)'],
        ['file:///etc/passwd'],
        ['ftp://www.gov.cn/a'],
        ['not a url'],
        [`https://www.gov.cn/${'x'.repeat(500)}`],
        Array.from({ length: 6 }, (_, n) => `https://www.gov.cn/${n}`),
        'https://www.gov.cn/',
      ),
    },
  ],
  required: ['holidays', 'workdays', 'source', 'source.title'],
  closed: ['', 'source', 'holidays.0'],
};

const CASES: {
  readonly [K in RouteKeyOf<
    'calendar' | 'disclosures' | 'stats' | 'admin' | 'docs' | 'agencies' | 'open-data'
  >]: (w: Pick<World, 'entity' | 'admin'>) => Arbitrary<BadRequest>;
} = {
  'GET /v1/calendar/{year}': () =>
    badRequests({
      method: 'GET',
      template: '/v1/calendar/{year}',
      params: { year: '2026' },
      badParams: {
        year: [
          '20266',
          'abcd',
          '0000',
          '9999',
          '1899',
          '2026.0',
          '-2026',
          '%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96',
          '..',
          '2026%00',
          ...encoded(DYNAMODB_SYNTAX),
        ],
      },
    }),
  'PUT /v1/calendar/{year}': ({ admin }) =>
    badRequests({
      method: 'PUT',
      template: '/v1/calendar/{year}',
      token: admin,
      params: { year: '2040' },
      badParams: { year: ['20400', 'abcd', '1899', '9999', '..', ...encoded(DYNAMODB_SYNTAX)] },
      body: calendarBody,
      badHeaders: { 'if-match': ['abc', '"abc"', '*', '"1', 'W/"x"', '"1234567890"', '"999"'] },
    }),
  // The preview takes PUT's body and must refuse exactly what PUT refuses.
  'POST /v1/calendar/{year}/preview': ({ admin }) =>
    badRequests({
      method: 'POST',
      template: '/v1/calendar/{year}/preview',
      token: admin,
      params: { year: '2040' },
      badParams: { year: ['20400', 'abcd', '1899', '9999', '..', ...encoded(DYNAMODB_SYNTAX)] },
      body: calendarBody,
    }),
  'GET /v1/deadlines': () =>
    badRequests({
      method: 'GET',
      template: '/v1/deadlines',
      query: { from: '2026-09-30', workingDays: '7' },
      badQuery: {
        from: [...BAD_QUERY_DATES, '1900-01-01', '2999-01-01', ''],
        workingDays: [
          '0',
          '-1',
          '1e1',
          '1.5',
          'abc',
          '',
          '999999',
          String(MAX_WORKING_DAYS + 1),
          '%EF%BC%97',
        ],
      },
    }),
  'GET /v1/disclosures': () =>
    badRequests({
      method: 'GET',
      template: '/v1/disclosures',
      query: { limit: '1' },
      badQuery: {
        uscc: badUsccs(),
        agency: badUsccs(),
        name: [
          '%E5%AD%97',
          'x'.repeat(101),
          ...fc.sample(withHidden('腾讯计算机'), { numRuns: 6, seed: 2 }).map(encodeURIComponent),
        ],
        kind: BAD_ENUM,
        from: BAD_QUERY_DATES,
        to: [...BAD_QUERY_DATES, '2026-01-01&from=2026-05-01'],
        ...paging(cursors.disclosures),
      },
    }),
  'GET /v1/verifications/{code}': () =>
    badRequests({
      method: 'GET',
      template: '/v1/verifications/{code}',
      params: { code: '2222-2222-2222-2222-2222' },
      badParams: {
        code: [
          '2222-2222-2222-2222-222',
          '2222-2222-2222-2222-22222',
          'OOOO-IIII-LLLL-UUUU-0000',
          `${'2'.repeat(41)}`,
          '%00',
          encodeURIComponent(CJK_4_BYTES),
          ...encoded(DYNAMODB_SYNTAX),
        ],
      },
    }),
  'GET /v1/disclosures/{id}': () =>
    badRequests({
      method: 'GET',
      template: '/v1/disclosures/{id}',
      params: { id: publishedId },
      badParams: { id: badIds('rec') },
    }),
  'GET /v1/entity/records': ({ entity }) =>
    badRequests({
      method: 'GET',
      template: '/v1/entity/records',
      token: entity.token,
      query: { limit: '1' },
      badQuery: paging(cursors.entityRecords),
    }),
  'GET /v1/stats/timeliness': () =>
    badRequests({
      method: 'GET',
      template: '/v1/stats/timeliness',
      query: {},
      badQuery: {
        from: [...BAD_QUERY_DATES, '2020-01-01', '2026-05-01&to=2026-01-01'],
        to: [...BAD_QUERY_DATES, '2031-01-01&from=2026-01-01'],
      },
    }),
  'GET /v1/admin/events': ({ admin }) =>
    badRequests({
      method: 'GET',
      template: '/v1/admin/events',
      token: admin,
      query: { limit: '1' },
      badQuery: { type: [...BAD_ENUM, `${EVENT_TYPES[0]},${EVENT_TYPES[1]}`], ...paging(cursors.events) },
    }),
  'GET /v1/admin/upstream/reconciliations': ({ admin }) =>
    badRequests({
      method: 'GET',
      template: '/v1/admin/upstream/reconciliations',
      token: admin,
      query: {},
      badQuery: { limit: ['1'], state: ['failed'] },
    }),
  'GET /v1/admin/escalations': ({ admin }) =>
    badRequests({
      method: 'GET',
      template: '/v1/admin/escalations',
      token: admin,
      query: { limit: '1' },
      badQuery: { kind: BAD_ENUM, ...paging(undefined) },
    }),
  'GET /v1/admin/audit/verify': ({ admin }) =>
    badRequests({
      method: 'GET',
      template: '/v1/admin/audit/verify',
      token: admin,
      query: { limit: '1' },
      badQuery: paging(cursors.verify),
    }),
  'GET /v1/openapi.json': () => badRequests({ method: 'GET', template: '/v1/openapi.json' }),
  'GET /v1/feed': () =>
    badRequests({
      method: 'GET',
      template: '/v1/feed',
      query: { limit: '3' },
      badQuery: {
        after: ['-1', '1.5', '1e3', 'x', '9'.repeat(16), '%00', ...encoded(DYNAMODB_SYNTAX)],
        limit: BAD_LIMITS,
      },
    }),
  'GET /v1/feed.atom': () => badRequests({ method: 'GET', template: '/v1/feed.atom' }),
  'GET /v1/open-data/disclosures.csv': () =>
    badRequests({
      method: 'GET',
      template: '/v1/open-data/disclosures.csv',
      query: {},
      badQuery: { limit: ['10'], cursor: ['x'], format: ['csv'] },
    }),
  'GET /v1/open-data/disclosures.ndjson': () =>
    badRequests({
      method: 'GET',
      template: '/v1/open-data/disclosures.ndjson',
      query: {},
      badQuery: { limit: ['10'], after: ['1'] },
    }),
  'GET /v1/open-data/manifest': () =>
    badRequests({ method: 'GET', template: '/v1/open-data/manifest', query: {}, badQuery: { limit: ['1'] } }),
  'GET /v1/open-data/snapshots/{date}': () =>
    badRequests({
      method: 'GET',
      template: '/v1/open-data/snapshots/{date}',
      params: { date: '2026-12-01' },
      badParams: {
        date: [
          '2026-13-01',
          '2026-02-30',
          '20261201',
          '2026-12-1',
          'x'.repeat(11),
          '%00',
          ...encoded(DYNAMODB_SYNTAX),
        ],
      },
    }),
  'GET /v1/agencies': () => badRequests({ method: 'GET', template: '/v1/agencies' }),
  'PUT /v1/agencies/{uscc}': ({ admin }) =>
    badRequests({
      method: 'PUT',
      template: '/v1/agencies/{uscc}',
      token: admin,
      params: { uscc: FUZZ_AGENCY },
      badParams: { uscc: [...badUsccs(), '..', ...encoded(DYNAMODB_SYNTAX)] },
      body: {
        valid: () => ({ name: '济南市示例市场监督管理局', shortName: '示例市监局' }),
        slots: [
          { path: 'name', bad: fc.oneof(badLine(100), fc.constantFrom('局', ' 局 ')) },
          { path: 'shortName', bad: badLine(30) },
        ],
        required: ['name'],
        closed: [''],
      },
      // The agency is not in the directory: an If-Match of any version but "0" is stale.
      badHeaders: { 'if-match': ['abc', '"abc"', '*', '"1', 'W/"x"', '"1234567890"', '"1"', '"999"'] },
    }),
  'GET /v1/templates/{kind}': () =>
    badRequests({
      method: 'GET',
      template: '/v1/templates/{kind}',
      params: { kind: 'penalty' },
      badParams: { kind: [...BAD_ENUM, ...encoded(['Penalty', 'penalty.csv', '行政处罚'])] },
      query: { format: 'xlsx' },
      badQuery: { format: encoded(['', 'XLSX', 'xls', 'pdf', 'csv,xlsx', CJK_4_BYTES]) },
    }),
};

/** Which fuzz file covers each function group: a new group fails here until it has cases. */
const FUZZ_FILES: Record<Exclude<keyof typeof FUNCTION_GROUPS, 'fallback'>, string> = {
  calendar: 'fuzz-public',
  disclosures: 'fuzz-public',
  stats: 'fuzz-public',
  admin: 'fuzz-public',
  docs: 'fuzz-public',
  'open-data': 'fuzz-public',
  records: 'fuzz-records',
  objections: 'fuzz-workflows',
  repairs: 'fuzz-workflows',
  worklist: 'fuzz-workflows',
  agencies: 'fuzz-public',
  inbox: 'fuzz-inbox',
  lists: 'fuzz-lists',
  commitments: 'fuzz-commitments',
  reports: 'fuzz-commitments',
};

describe('bad input to the public, calendar, statistics, admin and docs routes', () => {
  it('has a fuzz file for every group that has routes, and cases here for every route of its groups', () => {
    const groups = [...new Set(ROUTES.map((r) => r.group))];
    expect(groups.filter((g) => !(g in FUZZ_FILES))).toEqual([]);
    const mine = ROUTES.filter((r) => FUZZ_FILES[r.group as keyof typeof FUZZ_FILES] === 'fuzz-public');
    expect(Object.keys(CASES).sort()).toEqual(mine.map(routeKey).sort());
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

describe('text in the official calendar', () => {
  it.for<[string, (c: string) => unknown]>([
    [
      'a holiday name',
      (c: string) => officialYearBody(2041, { holidays: [{ date: '2041-01-01', name: `元${c}旦` }] }),
    ],
    [
      'a source title',
      (c: string) => officialYearBody(2041, { source: { title: `国务院办公厅${c}通知`, urls: [] } }),
    ],
  ])(
    'refuses control and invisible characters in %s, as every other text field does',
    async ([, body], { service, admin, store }) => {
      const before = await state({ service, store, admin });

      const answers = [];
      for (const c of ['\u0000', '\u200b', '\u202e', '\u2066']) {
        answers.push(await call(service.url, 'PUT', '/v1/calendar/2041', { token: admin, body: body(c) }));
      }

      expect(answers.map((a) => [a.status, a.json?.code])).toEqual(Array(4).fill([400, 'validation_failed']));
      expect(await state({ service, store, admin })).toEqual(before);
    },
  );
});

describe('CSV the service emits', () => {
  const FORMULAS = ['=HYPERLINK("http://evil.example","点击")', '+1+1', '-2+3', '@SUM(A1:A9)'];

  it('neutralises every cell a spreadsheet would run, and carries no text a user wrote', async ({
    service,
    api,
    agency,
    entity,
  }) => {
    for (const formula of FORMULAS) {
      const input = {
        ...penaltyAgainst(entity.uscc),
        documentNumber: `${formula}〔2026〕号`,
        remarks: formula,
      };
      await api.register(agency, { ...input, subject: { ...input.subject, name: `${formula}有限公司` } });
    }

    const answer = await call(service.url, 'GET', '/v1/stats/timeliness', {
      headers: { accept: 'text/csv' },
    });
    const json = await call(service.url, 'GET', '/v1/stats/timeliness');

    expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = answer.text
      .replace(/^\ufeff/, '')
      .split('\r\n')
      .filter(Boolean)
      .map((line) => line.split(','));
    const cells = rows.flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    for (const formula of FORMULAS) expect(answer.text).not.toContain(formula);
    expect(rows.slice(1).map((r) => r[0])).toEqual(
      json.json.agencies.map((a: { agency: string }) => a.agency),
    );
    expect(rows.slice(1).map((r) => r[0])).toContain(agency.uscc);
  });
});

describe('a body sent with a GET', () => {
  it('is refused on every GET route with a status the OpenAPI document gives (small and over 1 MiB)', async ({
    service,
    agency,
    entity,
    admin,
  }) => {
    const tokenFor = (access: Access) => {
      if (access === 'public') return undefined;
      if (access.includes('agency')) return agency.token;
      return access.includes('entity') ? entity.token : admin;
    };
    const gets = ROUTES.filter((r) => r.method === 'GET');
    const problems: string[] = [];

    for (const route of gets) {
      const path = route.path.replace('{year}', '2026').replace('{id}', 'rec_0123456789abcdefghjkmnpqrs');
      const token = tokenFor(route.access);
      for (const body of ['{"a":1}', `"${'x'.repeat(1024 * 1024)}"`]) {
        const request = {
          what: 'GET with a body',
          method: 'GET',
          path,
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body,
        };
        const problem = refusalProblem(request, await sendRaw(service.url, request));
        if (problem) problems.push(`${routeKey(route)} (${body.length} bytes): ${problem}`);
      }
    }

    expect(problems).toEqual([]);
  });
});

describe('a decision-date range far outside the years that can hold records', () => {
  /** A date of any year from 1000 to 9999: the far past, the years of records, the far future. */
  const anyDate = fc
    .date({
      min: new Date('1000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const ranges = fc
    .record({ from: fc.option(anyDate, { nil: undefined }), to: fc.option(anyDate, { nil: undefined }) })
    .map(({ from, to }) => (from && to && from > to ? { from: to, to: from } : { from, to }));
  /** What one public answer may take: far inside API Gateway's 29 s, with the host shared by the suite. */
  const ANSWER_BUDGET_MS = 2000;

  it(`answers ${FUZZ_RUNS} generated ranges within the budget, never empty with a cursor`, async ({
    service,
  }) => {
    const samples = fc.sample(ranges, { numRuns: FUZZ_RUNS, seed: FUZZ_SEED });
    const far = [
      { to: '9999-12-31' },
      { from: '1000-01-01', to: '9999-12-31' },
      { from: '9999-01-01' },
      { to: '1000-12-31' },
    ];
    const failures: string[] = [];
    for (const range of [...far, ...samples]) {
      const query = new URLSearchParams(
        Object.entries({ ...range, limit: '5' }).filter((e): e is [string, string] => e[1] !== undefined),
      );
      const started = performance.now();
      const answer = await call(service.url, 'GET', `/v1/disclosures?${query}`);
      const took = performance.now() - started;
      const emptyWithCursor = answer.json?.items?.length === 0 && answer.json.cursor !== undefined;
      if (answer.status !== 200 || emptyWithCursor || took > ANSWER_BUDGET_MS) {
        failures.push(
          `${query}: ${answer.status}, ${answer.json?.items?.length} items, ${Math.round(took)} ms`,
        );
      }
    }

    expect(failures, `seed ${FUZZ_SEED}`).toEqual([]);
  });
});
