import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import fc, { type Arbitrary } from 'fast-check';
import iconv from 'iconv-lite';
import { addDays, shanghaiDate } from '../../shared/domain/dates.ts';
import { SYNC_MAX_ROWS } from '../../shared/domain/records/batch.ts';
import { PENALTY_CATEGORIES } from '../../shared/domain/records/vocabulary.ts';
import { XLSX_MEDIA_TYPE } from '../../shared/http/body.ts';
import { ROUTES, type RouteKeyOf, routeKey } from '../../shared/http/routes.ts';
import { describe, expect, it, type World } from '../support/e2e.ts';
import {
  BAD_CHANGES,
  BAD_CURSORS,
  BAD_ID_NUMBERS,
  BAD_LIMITS,
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
  invalidJson,
  malformedJson,
  tamperedCursors,
  tryBadRequests,
  withHidden,
  wrongTypeFor,
} from '../support/fuzz.ts';
import { call } from '../support/http.ts';
import { jobDone } from '../support/jobs.ts';
import { COMPANY, penaltyInput } from '../support/record-builders.ts';
import { anIdNumber, csvOf, penaltyCsvRow } from '../support/record-mothers.ts';
import { type TableState, tableState } from '../support/table-state.ts';

/*
 * Bad input to every route of the records group: generated invalid requests, each answered
 * with a documented 4xx problem+json, never a 5xx, and the table unchanged (item count and
 * audit verification) after each route's cases.
 */

let recordId: string;
let jobId: string;
let worklistCursor: string;

const soon = () => addDays(shanghaiDate(new Date()), 2);

it.beforeAll(async ({ service, agency: { token: agency } }) => {
  const [first] = await Promise.all([
    call(service.url, 'POST', '/v1/records', { token: agency, body: penaltyInput() }),
    call(service.url, 'POST', '/v1/records', { token: agency, body: penaltyInput() }),
  ]);
  recordId = first.json.id;
  // A job finished before the cases start, so that nothing moves while they count items.
  const rows = Array.from({ length: SYNC_MAX_ROWS + 1 }, () => penaltyInput());
  jobId = (await call(service.url, 'POST', '/v1/records/batch', { token: agency, body: rows })).json.id;
  await jobDone(service.url, agency, jobId);
  worklistCursor = (await call(service.url, 'GET', '/v1/agency/records?limit=1', { token: agency })).json
    .cursor;
});

const state = ({ service, store, admin }: Pick<World, 'service' | 'store' | 'admin'>): Promise<TableState> =>
  tableState(store, service.url, admin);

const BAD_ENUM = fc.constantFrom('', ' general', 'GENERAL', '一般', CJK_4_BYTES, ...DYNAMODB_SYNTAX);

/** POST /v1/records: a general penalty against a company, and every way to spoil it. */
const registration: BodySpec = {
  valid: () => ({ ...penaltyInput(), publish: true }),
  slots: [
    {
      path: 'kind',
      bad: fc.constantFrom('Penalty', 'penalty ', '行政处罚', 'license', '', ...DYNAMODB_SYNTAX),
    },
    { path: 'documentNumber', bad: badLine(100, '济市监罚〔2026〕1号') },
    { path: 'decisionDate', bad: fc.oneof(fc.constantFrom(...IMPOSSIBLE_DATES), fc.constant(soon())) },
    { path: 'remarks', bad: badText(1000) },
    { path: 'publish', bad: wrongTypeFor('boolean') },
    { path: 'subject.category', bad: BAD_ENUM },
    { path: 'subject.name', bad: badLine(200, '深圳市腾讯计算机系统有限公司') },
    { path: 'subject.uscc', bad: badUscc(COMPANY) },
    { path: 'subject.legalRepresentative', bad: badLine(50, '马化腾') },
    { path: 'subject.legalRepresentativeIdType', bad: BAD_ENUM },
    { path: 'subject.legalRepresentativeIdNumber', bad: fc.constantFrom(...BAD_ID_NUMBERS) },
    {
      path: 'subject.businessRegNo',
      bad: fc.constantFrom('a b', 'x'.repeat(51), CJK_4_BYTES, ...DYNAMODB_SYNTAX),
    },
    { path: 'subject.idNumber', bad: fc.constant(anIdNumber()) },
    {
      path: 'penalty.categories',
      bad: fc.constantFrom(
        [],
        ['罚款', '罚款'],
        ['没收'],
        [...PENALTY_CATEGORIES, '罚款'],
        [CJK_4_BYTES],
        ['=1+1'],
      ),
    },
    { path: 'penalty.fineAmount', bad: fc.constantFrom(-1, 1.1234567, 1e8, 1e21, -0.000001, '5') },
    { path: 'penalty.severity', bad: BAD_ENUM },
    { path: 'penalty.procedure', bad: BAD_ENUM },
    { path: 'penalty.validUntil', bad: fc.constantFrom(...IMPOSSIBLE_DATES) },
    { path: 'penalty.violationType', bad: badLine(200, '虚假宣传') },
    { path: 'penalty.facts', bad: badText(4000) },
    { path: 'penalty.basis', bad: badText(2000) },
    { path: 'penalty.content', bad: badText(4000) },
    { path: 'penalty.licenseAffected', bad: badLine(200) },
    { path: 'penalty.repairable', bad: wrongTypeFor('boolean') },
  ],
  required: [
    'kind',
    'documentNumber',
    'decisionDate',
    'subject',
    'penalty',
    'subject.category',
    'subject.name',
    'subject.uscc',
    'subject.legalRepresentativeIdType',
    'penalty.violationType',
    'penalty.facts',
    'penalty.basis',
    'penalty.categories',
    'penalty.content',
    'penalty.severity',
    'penalty.procedure',
  ],
  closed: ['', 'subject', 'penalty'],
};

const correction: BodySpec = {
  valid: () => ({ reason: '更正备注', changes: { remarks: '补充说明' } }),
  slots: [
    { path: 'reason', bad: badText(500, '更正备注') },
    { path: 'changes', bad: BAD_CHANGES },
    // The changing decision comes with both its fields or neither: either alone is refused.
    { path: 'decisionDate', bad: fc.constantFrom(...IMPOSSIBLE_DATES, soon(), shanghaiDate(new Date())) },
    {
      path: 'documentNumber',
      bad: fc.oneof(badLine(100, '济阳复决字〔2026〕1号'), fc.constant('济阳复决字〔2026〕1号')),
    },
  ],
  required: ['reason', 'changes'],
  closed: ['', 'changes'],
  nullable: ['changes.remarks'],
};

/** The revoking decision is dated today: between the record's decision and today, as it must be. */
const revocation: BodySpec = {
  valid: () => ({
    reason: '决定已被撤销',
    decisionDate: shanghaiDate(new Date()),
    documentNumber: '济阳复决字〔2026〕1号',
  }),
  slots: [
    { path: 'reason', bad: badText(500, '决定已被撤销') },
    // Not a date, after today, or before the record's own decision (penaltyInput's).
    { path: 'decisionDate', bad: fc.constantFrom(...IMPOSSIBLE_DATES, soon(), '2019-01-01') },
    { path: 'documentNumber', bad: badLine(100, '济阳复决字〔2026〕1号') },
  ],
  required: ['reason', 'decisionDate', 'documentNumber'],
  closed: [''],
};

/** A CSV row of the standard whose cells a spreadsheet would run, where the schema refuses them. */
const FORMULA_CELLS: [string, string][] = [
  ['统一社会信用代码', '=1+1'],
  ['处罚决定日期', '=TODAY()'],
  ['行政相对人类别', '@SUM(A1:A9)'],
  ['罚款金额（万元）', '=HYPERLINK("http://x","y")'],
  ['罚款金额（万元）', '-1'],
  ['失信程度', '-一般'],
  ['处罚类别', "=cmd|' /C calc'!A0"],
  ['处罚程序', '+普通程序'],
  ['行政处罚决定书文号', `=1+1${'\u200b'}号`],
];

/** CSV rows as an .xlsx workbook's first sheet, its cells written as text. */
async function xlsxOf(rows: readonly Record<string, string>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('行政处罚');
  const header = Object.keys(rows[0] ?? {});
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(header.map((name) => row[name] ?? ''));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One part of 40 MiB of spaces, deflated to some 40 KB, its sizes declared as 100 bytes. */
function zipBomb(): Buffer {
  const data = deflateRawSync(Buffer.alloc(40 * 1024 * 1024, 0x20));
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.byteLength, 18);
  local.writeUInt32LE(100, 22);
  local.writeUInt16LE(name.byteLength, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.byteLength, 20);
  central.writeUInt32LE(100, 24);
  central.writeUInt16LE(name.byteLength, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.byteLength + name.byteLength, 12);
  end.writeUInt32LE(local.byteLength + name.byteLength + data.byteLength, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

/** Spreadsheets made once (exceljs writes asynchronously; the cases are drawn synchronously). */
const XLSX = {
  valid: await xlsxOf([penaltyCsvRow()]),
  formulas: await xlsxOf(FORMULA_CELLS.map(([column, cell]) => penaltyCsvRow({ [column]: cell }))),
  unknownColumn: await xlsxOf([{ ...penaltyCsvRow(), 联系电话: '13812345678' }]),
  tooMany: await xlsxOf(Array.from({ length: 1001 }, () => penaltyCsvRow())),
  emptySheet: await (async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('空');
    return Buffer.from(await workbook.xlsx.writeBuffer());
  })(),
};

/** Spoilt files: an .xlsx that is not one, a CSV in no encoding the service reads. */
function badFiles(auth: Record<string, string>, path: string): Arbitrary<BadRequest> {
  const xlsx = { ...auth, 'content-type': XLSX_MEDIA_TYPE };
  const csv = { ...auth, 'content-type': 'text/csv' };
  const post = (what: string, headers: Record<string, string>, body: Buffer, expect?: 'rows-refused') => ({
    what,
    method: 'POST',
    path,
    headers,
    body,
    ...(expect ? { expect } : {}),
  });
  const gb = (text: string) => iconv.encode(text, 'gb18030');
  return fc.oneof(
    fc
      .uint8Array({ minLength: 0, maxLength: 2048 })
      .map((bytes) => post('random bytes as .xlsx', xlsx, Buffer.from(bytes))),
    fc
      .integer({ min: 1, max: XLSX.valid.byteLength - 1 })
      .map((n) => post(`.xlsx cut after ${n} bytes`, xlsx, XLSX.valid.subarray(0, n))),
    fc
      .tuple(fc.integer({ min: 0, max: XLSX.valid.byteLength - 64 }), fc.integer({ min: 0, max: 255 }))
      .map(([at, byte]) => {
        const spoilt = Buffer.from(XLSX.valid);
        spoilt.fill(byte, at, at + 64);
        return post(`.xlsx with 64 bytes overwritten at ${at}`, xlsx, spoilt);
      }),
    fc.constant(0).map(() => post('zip bomb as .xlsx', xlsx, zipBomb())),
    fc
      .constant(0)
      .map(() =>
        post(
          'password-protected (OLE2) .xlsx',
          xlsx,
          Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(4096)]),
        ),
      ),
    fc.constant(0).map(() => post('CSV sent as .xlsx', xlsx, Buffer.from(csvOf([penaltyCsvRow()])))),
    fc.constant(0).map(() => post('.xlsx sent as CSV', csv, XLSX.valid)),
    fc.constant(0).map(() => post('.xlsx with an unknown column', xlsx, XLSX.unknownColumn)),
    fc.constant(0).map(() => post('.xlsx of 1,001 rows', xlsx, XLSX.tooMany)),
    fc.constant(0).map(() => post('.xlsx with an empty sheet', xlsx, XLSX.emptySheet)),
    fc.constant(0).map(() => post('.xlsx formula cells', xlsx, XLSX.formulas, 'rows-refused')),
    fc
      .tuple(fc.constantFrom(...FORMULA_CELLS), fc.integer({ min: 1, max: 3 }))
      .map(([[column, cell], rows]) =>
        post(
          `GB18030 CSV formula cell in ${column}`,
          csv,
          gb(csvOf(Array.from({ length: rows }, () => penaltyCsvRow({ [column]: cell })))),
          'rows-refused',
        ),
      ),
    fc
      .uint8Array({ minLength: 1, maxLength: 64 })
      .map((tail) =>
        post(
          'CSV with bytes neither UTF-8 nor GB18030',
          csv,
          Buffer.concat([
            Buffer.from(csvOf([penaltyCsvRow()])),
            Buffer.from(tail),
            Buffer.from([0xff, 0x80]),
          ]),
        ),
      ),
    fc
      .constant(0)
      .map(() =>
        post(
          'UTF-8 BOM before GB18030 bytes',
          csv,
          Buffer.concat([Buffer.from('efbbbf', 'hex'), gb(csvOf([penaltyCsvRow()]))]),
        ),
      ),
    fc
      .constant(0)
      .map(() =>
        post(
          'CSV with U+FFFD (bytes lost on the way)',
          csv,
          Buffer.from(csvOf([penaltyCsvRow({ 行政相对人名称: '济南\uFFFD公司' })])),
        ),
      ),
    fc
      .constant(0)
      .map(() =>
        post('GB18030 CSV with an unknown column', csv, gb(csvOf([{ ...penaltyCsvRow(), 联系电话: '1' }]))),
      ),
  );
}

/** POST /v1/records/batch: JSON arrays and CSV files refused as a whole, or row by row. */
function batchCases(agency: string): Arbitrary<BadRequest> {
  const auth = { authorization: `Bearer ${agency}` };
  const json = { ...auth, 'content-type': 'application/json' };
  const csv = { ...auth, 'content-type': 'text/csv' };
  const path = '/v1/records/batch';
  const post = (what: string, headers: Record<string, string>, body: string, expect?: 'rows-refused') => ({
    what,
    method: 'POST',
    path,
    headers,
    body,
    ...(expect ? { expect } : {}),
  });
  const validCsv = () => csvOf([penaltyCsvRow()]);
  return fc.oneof(
    fc
      .constantFrom('{}', '"x"', '1', 'null', '{"rows":[]}', '[]')
      .map((body) => post('not a non-empty array', json, body)),
    fc
      .constant(0)
      .map(() =>
        post('1,001 rows', json, JSON.stringify(Array.from({ length: 1001 }, () => penaltyInput()))),
      ),
    fc
      .array(invalidJson(registration), { minLength: 1, maxLength: 4 })
      .map((rows) => post('invalid rows', json, JSON.stringify(rows.map((r) => r.value)), 'rows-refused')),
    fc
      .constantFrom(...malformedJson('[{"kind":"penalty"}]'))
      .map((body) => post('malformed JSON', json, body)),
    fc
      .tuple(fc.constantFrom(...FORMULA_CELLS), fc.integer({ min: 1, max: 3 }))
      .map(([[column, cell], rows]) =>
        post(
          `CSV formula cell in ${column}`,
          csv,
          csvOf(Array.from({ length: rows }, () => penaltyCsvRow({ [column]: cell }))),
          'rows-refused',
        ),
      ),
    withHidden('济南市示例商贸有限公司').map((name) =>
      post(
        'CSV hidden character in a name',
        csv,
        csvOf([penaltyCsvRow({ 行政相对人名称: name })]),
        'rows-refused',
      ),
    ),
    fc
      .constantFrom(
        '行政相对人名称,"未结束\r\n',
        '"a"b,c\r\n1,2\r\n',
        '',
        '\r\n\r\n',
        "=cmd|' /C calc'!A0,行政相对人名称\r\n1,2\r\n",
        '行政相对人名称,行政相对人名称\r\n甲,乙\r\n',
        '行政相对人名称\r\n甲,乙\r\n',
        '名称,代码\r\n甲,乙\r\n',
        `${validCsv().split('\r\n')[0]}\r\n`,
      )
      .map((body) => post('malformed CSV file', csv, body)),
    fc.constant(0).map(() => {
      const rows = Array.from({ length: 1001 }, () => penaltyCsvRow());
      return post('CSV of 1,001 rows', csv, csvOf(rows));
    }),
    fc
      .constantFrom('text/plain', 'application/xml', 'text/csv2', 'application/vnd.ms-excel', '')
      .map((type) =>
        post(`Content-Type ${type || '(none)'}`, type ? { ...auth, 'content-type': type } : auth, validCsv()),
      ),
    fc
      .constantFrom(
        'kind=bogus',
        'kind=Penalty',
        'publish=yes',
        'publish=TRUE',
        'x=1',
        `kind=${encodeURIComponent('#a = :b')}`,
      )
      .map((q) => ({ ...post(`bad query ${q}`, csv, validCsv()), path: `${path}?${q}` })),
    fc.constant(0).map(() => post('body over 1 MiB', csv, `${validCsv()}${'x'.repeat(1024 * 1024)}\r\n`)),
    fc
      .constantFrom('two words', 'a/b', 'k'.repeat(129))
      .map((key) =>
        post(`Idempotency-Key ${key.slice(0, 20)}`, { ...csv, 'idempotency-key': key }, validCsv()),
      ),
    badFiles(auth, path),
  );
}

/** Every route of the group and its bad requests, built for the agency's token once the fixtures exist. */
const CASES: { readonly [K in RouteKeyOf<'records'>]: (agency: string) => Arbitrary<BadRequest> } = {
  'POST /v1/records': (agency) =>
    badRequests({ method: 'POST', template: '/v1/records', token: agency, body: registration }),
  'POST /v1/records/batch': batchCases,
  'GET /v1/records/{id}': (agency) =>
    badRequests({
      method: 'GET',
      template: '/v1/records/{id}',
      token: agency,
      params: { id: recordId },
      badParams: { id: badIds('rec') },
    }),
  'POST /v1/records/{id}/publish': (agency) =>
    badRequests({
      method: 'POST',
      template: '/v1/records/{id}/publish',
      token: agency,
      params: { id: recordId },
      badParams: { id: badIds('rec') },
    }),
  'POST /v1/records/{id}/corrections': (agency) =>
    badRequests({
      method: 'POST',
      template: '/v1/records/{id}/corrections',
      token: agency,
      params: { id: recordId },
      badParams: { id: badIds('rec') },
      body: correction,
    }),
  'POST /v1/records/{id}/revocations': (agency) =>
    badRequests({
      method: 'POST',
      template: '/v1/records/{id}/revocations',
      token: agency,
      params: { id: recordId },
      badParams: { id: badIds('rec') },
      body: revocation,
    }),
  'GET /v1/records/{id}/upstream': (agency) =>
    badRequests({
      method: 'GET',
      template: '/v1/records/{id}/upstream',
      token: agency,
      params: { id: recordId },
      badParams: { id: badIds('rec') },
    }),
  'GET /v1/agency/upstream': (agency) =>
    badRequests({
      method: 'GET',
      template: '/v1/agency/upstream',
      token: agency,
      query: { state: 'failed', limit: '1' },
      badQuery: {
        state: ['Failed', 'refused', 'failed,pending', '', '%F0%A0%80%80'],
        limit: BAD_LIMITS,
        cursor: [...BAD_CURSORS],
      },
    }),
  'GET /v1/jobs/{id}': (agency) =>
    badRequests({
      method: 'GET',
      template: '/v1/jobs/{id}',
      token: agency,
      params: { id: jobId },
      badParams: { id: badIds('job') },
    }),
  'GET /v1/agency/records': (agency) =>
    badRequests({
      method: 'GET',
      template: '/v1/agency/records',
      token: agency,
      query: { limit: '1' },
      badQuery: {
        status: [
          'Registered',
          'pending',
          'registered,published',
          'published&overdue=true',
          '',
          '%F0%A0%80%80',
        ],
        overdue: ['yes', '1', 'TRUE', ''],
        limit: BAD_LIMITS,
        cursor: [...BAD_CURSORS, ...tamperedCursors(worklistCursor)],
      },
    }),
};

describe('bad input to the records routes', () => {
  it('has cases for every route of the group', () => {
    const declared = ROUTES.filter((r) => r.group === 'records').map(routeKey);
    expect(Object.keys(CASES).sort()).toEqual(declared.sort());
  });

  it.for(Object.keys(CASES) as (keyof typeof CASES)[])(
    `%s refuses ${FUZZ_RUNS} generated bad requests with 4xx problem+json and changes nothing`,
    async (key, { service, agency, admin, store }) => {
      const before = await state({ service, store, admin });

      const result = await tryBadRequests(service.url, CASES[key](agency.token));

      expect(result.failures, `seed ${FUZZ_SEED}`).toEqual([]);
      expect(result.tried).toBe(FUZZ_RUNS);
      expect(await state({ service, store, admin })).toEqual(before);
    },
  );
});
