import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { SYNC_MAX_ROWS } from '../../shared/domain/records/batch.ts';
import { XLSX_MEDIA_TYPE } from '../../shared/http/body.ts';
import { assertDocumented } from '../support/contract.ts';
import { describe, it as e2e, expect } from '../support/e2e.ts';
import { call, expectProblem, type HttpAnswer } from '../support/http.ts';
import { jobDone } from '../support/jobs.ts';
import {
  aCompany,
  allPages,
  type CsvRow,
  csvOf,
  penaltyCsvRow,
  withWrongCheck,
} from '../support/record-mothers.ts';

/*
 * One upload, four files: the same rows as UTF-8 CSV, UTF-8 CSV with a BOM, GB18030 CSV (as
 * Excel saves "CSV" on a Chinese Windows machine) and .xlsx must answer alike and store the
 * same records, and a file the service cannot read must store nothing.
 */

/** A real request with a file's bytes as the body (test/support/http.ts `call` sends text). */
async function send(
  baseUrl: string,
  path: string,
  options: { token?: string; body?: Uint8Array; type?: string },
) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: options.body ? 'POST' : 'GET',
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.type ? { 'content-type': options.type } : {}),
    },
    ...(options.body ? { body: options.body } : {}),
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type');
  const text =
    contentType?.includes('json') || contentType?.startsWith('text/') ? bytes.toString('utf8') : '';
  assertDocumented(options.body ? 'POST' : 'GET', path, response.status, contentType, text || ' ');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json, bytes } as HttpAnswer & {
    bytes: Buffer;
  };
}

const CSV_TYPE = 'text/csv';

/** Twenty rows, three of them bad (rows 4, 9 and 15), names in characters GBK has and ASCII lacks. */
function twentyRows(): CsvRow[] {
  return Array.from({ length: 20 }, (_, i) => {
    const row = penaltyCsvRow({
      行政相对人名称: `福州市鼓楼区鑫犇商贸有限公司（第${i + 1}分店）`,
      违法事实: `当事人销售“犇牌”商品未明码标价，货值${i + 1}千元`,
    });
    if (i === 3) return { ...row, 行政相对人类别: '外星人' };
    if (i === 8) return { ...row, 统一社会信用代码: withWrongCheck(aCompany()) };
    if (i === 14) return { ...row, 处罚决定日期: '2099-01-01' };
    return row;
  });
}

/** The rows as an .xlsx, with dates and amounts stored as Excel stores what a clerk types. */
async function xlsxOf(rows: readonly CsvRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('行政处罚');
  const header = Object.keys(rows[0] ?? {});
  sheet.addRow(header);
  for (const row of rows) {
    sheet.addRow(
      header.map((name) => {
        const value = row[name] ?? '';
        const date = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
        if (date) return new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
        if (name === '罚款金额（万元）') return Number(value);
        return value;
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

type Result = { row: number; status: string; id?: string; code?: string; field?: string; column?: string };
const outcome = ({ id: _id, message: _m, ...rest }: Result & { message?: unknown }) => rest;

const it = e2e.extend(
  'newAgency',
  { scope: 'file' },
  ({ parties }) =>
    async () =>
      parties.agency(),
);

const registered = async (baseUrl: string, token: string) =>
  (await allPages(baseUrl, '/v1/agency/records?status=registered', { token })).items;

describe('POST /v1/records/batch: the same rows in every file format', () => {
  it('answers alike and stores the same records from UTF-8, UTF-8 with BOM, GB18030 and .xlsx', async ({
    service,
    newAgency,
  }) => {
    const rows = twentyRows();
    const csv = csvOf(rows);
    const files = {
      utf8: { body: Buffer.from(csv, 'utf8'), type: CSV_TYPE },
      bom: { body: Buffer.concat([BOM, Buffer.from(csv, 'utf8')]), type: CSV_TYPE },
      gb18030: { body: iconv.encode(csv, 'gb18030'), type: `${CSV_TYPE}; charset=gb18030` },
      xlsx: { body: await xlsxOf(rows), type: XLSX_MEDIA_TYPE },
    };
    expect(files.gb18030.body.includes(Buffer.from('鑫犇', 'utf8'))).toBe(false);

    const stored: Record<string, unknown[]> = {};
    const answers: Record<string, Result[]> = {};
    for (const [name, file] of Object.entries(files)) {
      // Each file from its own agency: the same document numbers make records of their own.
      const agency = await newAgency();
      const answer = await send(service.url, '/v1/records/batch', { token: agency.token, ...file });
      expect(answer.status, name).toBe(200);
      expect(answer.json.summary, name).toEqual({ rows: 20, created: 17, existing: 0, error: 3 });
      answers[name] = answer.json.results;
      const records = await Promise.all(
        (answer.json.results as Result[])
          .filter((r) => r.status === 'created')
          .map(
            async (r) =>
              (await call(service.url, 'GET', `/v1/records/${r.id}`, { token: agency.token })).json.record,
          ),
      );
      stored[name] = records.map(({ kind, documentNumber, decisionDate, subject, penalty }) => ({
        kind,
        documentNumber,
        decisionDate,
        subject,
        penalty,
      }));
    }

    const errors = (answers.utf8 ?? []).filter((r) => r.status === 'error').map(outcome);
    expect(errors).toEqual([
      expect.objectContaining({ row: 4, field: 'subject.category', column: '行政相对人类别' }),
      expect.objectContaining({ row: 9, field: 'subject.uscc', column: '统一社会信用代码' }),
      expect.objectContaining({ row: 15, field: 'decisionDate', column: '处罚决定日期' }),
    ]);
    for (const name of ['bom', 'gb18030', 'xlsx']) {
      expect(answers[name]?.map(outcome), name).toEqual(answers.utf8?.map(outcome));
      expect(stored[name], name).toEqual(stored.utf8);
    }
    // Never mojibake: the names are stored exactly as written.
    expect(stored.gb18030?.[0]).toMatchObject({
      subject: { name: '福州市鼓楼区鑫犇商贸有限公司（第1分店）' },
      penalty: { facts: '当事人销售“犇牌”商品未明码标价，货值1千元', fineAmount: 0.5 },
      decisionDate: '2026-09-30',
    });
  });

  it('runs an .xlsx of more than 100 rows as a job, reporting a bad row by row and column', async ({
    service,
    newAgency,
  }) => {
    const { token } = await newAgency();
    const rows = Array.from({ length: SYNC_MAX_ROWS + 5 }, (_, i) =>
      penaltyCsvRow(i === 102 ? { 失信程度: '特别严重' } : {}),
    );

    const accepted = await send(service.url, '/v1/records/batch', {
      token,
      body: await xlsxOf(rows),
      type: XLSX_MEDIA_TYPE,
    });

    expect(accepted.status).toBe(202);
    const done = (await jobDone(service.url, token, accepted.json.id)).json;
    expect(done.summary).toEqual({ rows: rows.length, created: rows.length - 1, existing: 0, error: 1 });
    expect(done.results.find((r: Result) => r.status === 'error')).toMatchObject({
      row: 103,
      field: 'penalty.severity',
      column: '失信程度',
    });
  }, 120_000);
});

describe('GET /v1/templates/{kind}', () => {
  it('serves a CSV template (UTF-8 with BOM) that imports once filled in', async ({ service, newAgency }) => {
    const template = await send(service.url, '/v1/templates/penalty?format=csv', {});

    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(template.headers.get('content-disposition')).toBe(
      `attachment; filename="penalty-template.csv"; filename*=UTF-8''${encodeURIComponent('行政处罚-模板.csv')}`,
    );
    expect([...template.bytes.subarray(0, 3)]).toEqual([...BOM]);
    const header = template.bytes.subarray(3).toString('utf8').trimEnd().split(',');
    expect(header).toContain('行政处罚决定书文号');
    expect(header).not.toContain('处罚机关');

    // The template names the codes as the 2019 standard does: 行政相对人代码_1（统一社会信用代码）.
    const row: CsvRow = Object.fromEntries(
      Object.entries(penaltyCsvRow()).map(([name, value]) => [
        header.find((h) => h === name || h.endsWith(`（${name}）`)) ?? name,
        value,
      ]),
    );
    expect(header.filter((h) => row[h] !== undefined)).toHaveLength(Object.keys(row).length);
    const filled = `${template.bytes.toString('utf8').trimEnd()}\r\n${header.map((h) => row[h] ?? '').join(',')}\r\n`;
    const { token } = await newAgency();
    const answer = await send(service.url, '/v1/records/batch', {
      token,
      body: Buffer.from(filled),
      type: CSV_TYPE,
    });
    expect(answer.status).toBe(200);
    expect(answer.json.results).toEqual([expect.objectContaining({ row: 1, status: 'created' })]);
  });

  it('serves an .xlsx template with a 填写说明 sheet that imports once filled in', async ({
    service,
    newAgency,
  }) => {
    const template = await send(service.url, '/v1/templates/license?format=xlsx', {});

    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toBe(XLSX_MEDIA_TYPE);
    expect(template.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('行政许可-模板.xlsx')}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.bytes as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['行政许可', '填写说明']);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const values: Record<string, unknown> = {
      行政相对人名称: '福州鑫犇餐饮管理有限公司',
      行政相对人类别: '法人及非法人组织',
      '行政相对人代码_1（统一社会信用代码）': aCompany(),
      行政许可决定文书名称: '食品经营许可决定书',
      行政许可决定文书号: `榕市监许〔2026〕${Date.now()}号`,
      许可类别: '普通',
      许可内容: '食品销售经营者（预包装食品销售）',
      许可决定日期: new Date(Date.UTC(2026, 8, 30)),
      有效期自: new Date(Date.UTC(2026, 8, 30)),
      有效期至: new Date(Date.UTC(2031, 8, 29)),
      当前状态: '有效',
    };
    expect(header).toEqual(expect.arrayContaining(Object.keys(values)));
    sheet.addRow(header.map((h) => values[h] ?? null));
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());

    const { token } = await newAgency();
    const answer = await send(service.url, '/v1/records/batch', {
      token,
      body: filled,
      type: XLSX_MEDIA_TYPE,
    });
    expect(answer.status).toBe(200);
    expect(answer.json.results).toEqual([expect.objectContaining({ row: 1, status: 'created' })]);
  });

  it('refuses an unknown kind or format', async ({ service }) => {
    expectProblem(await call(service.url, 'GET', '/v1/templates/alien'), 400, 'validation_failed');
    expectProblem(
      await call(service.url, 'GET', '/v1/templates/penalty?format=pdf'),
      400,
      'validation_failed',
    );
  });
});

describe('POST /v1/records/batch: files it cannot read', () => {
  it('refuses a damaged .xlsx, undecodable bytes and a wrong content type, storing nothing', async ({
    service,
    newAgency,
  }) => {
    const { token } = await newAgency();
    const xlsx = await xlsxOf([penaltyCsvRow()]);
    const damaged = Buffer.from(xlsx);
    damaged.fill(0x41, 100, 800);
    const undecodable = Buffer.concat([
      Buffer.from(csvOf([penaltyCsvRow()]), 'utf8'),
      Buffer.from([0xff, 0xfe, 0x80]),
    ]);
    const post = (body: Uint8Array, type: string) =>
      send(service.url, '/v1/records/batch', { token, body, type });

    const answers: [HttpAnswer, number, string][] = [
      [await post(damaged, XLSX_MEDIA_TYPE), 400, 'xlsx_unreadable'],
      [await post(Buffer.from(csvOf([penaltyCsvRow()])), XLSX_MEDIA_TYPE), 400, 'xlsx_unreadable'],
      [await post(undecodable, CSV_TYPE), 400, 'csv_encoding'],
      [await post(xlsx, 'application/pdf'), 415, 'unsupported_media_type'],
    ];

    for (const [answer, status, code] of answers) {
      expectProblem(answer, status, code);
      expect(answer.json.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(answers[0]?.[0].json.field).toBe('body');
    expect(answers[2]?.[0].json.field).toBe('body');
    expect(await registered(service.url, token)).toEqual([]);
  });
});
