import { describe, it as e2e, expect } from '../support/e2e.ts';
import { call, expectProblem } from '../support/http.ts';
import { penaltyInput } from '../support/record-builders.ts';
import {
  aCompany,
  allPages,
  csvOf,
  penaltyCsvRow,
  recordOf,
  withWrongCheck,
} from '../support/record-mothers.ts';

const it = e2e
  .extend(
    'newAgencyToken',
    { scope: 'file' },
    ({ parties }) =>
      /** A token for a fresh agency, so each test reads a worklist of its own. */
      async () =>
        (await parties.agency()).token,
  )
  .extend(
    'batch',
    { scope: 'file' },
    ({ service }) =>
      (token: string, body: unknown, headers: Record<string, string> = {}, query = '') =>
        call(service.url, 'POST', `/v1/records/batch${query}`, { token, body, headers }),
  )
  .extend(
    'sendCsv',
    { scope: 'file' },
    ({ batch }) =>
      (token: string, csv: string, query = '') =>
        batch(token, csv, { 'content-type': 'text/csv; charset=utf-8' }, query),
  )
  .extend(
    'worklistIds',
    { scope: 'file' },
    ({ service }) =>
      async (token: string, status = 'registered') =>
        (await allPages(service.url, `/v1/agency/records?status=${status}`, { token })).items.map(
          (r) => r.id,
        ),
  );

describe('POST /v1/records/batch with a JSON array', () => {
  it('stores the valid rows and answers for each row, numbered from 1, with field and message', async ({
    newAgencyToken,
    batch,
    worklistIds,
  }) => {
    const token = await newAgencyToken();
    const rows = [
      penaltyInput(),
      { ...penaltyInput(), subject: { ...penaltyInput().subject, uscc: withWrongCheck(aCompany()) } },
      recordOf('license'),
      { ...penaltyInput(), decisionDate: '2099-01-01' },
      { ...recordOf('reward'), surprise: 1 },
      recordOf('levy'),
    ];

    const answer = await batch(token, rows);

    expect(answer.status).toBe(200);
    expect(answer.json.summary).toEqual({ rows: 6, created: 3, existing: 0, error: 3 });
    const results = answer.json.results;
    expect(results.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [1, 'created'],
      [2, 'error'],
      [3, 'created'],
      [4, 'error'],
      [5, 'error'],
      [6, 'created'],
    ]);
    expect(results[1]).toMatchObject({ field: 'subject.uscc', code: 'invalid_uscc' });
    expect(results[3]).toMatchObject({ field: 'decisionDate', code: 'decision_date_in_future' });
    expect(results[4]).toMatchObject({ field: 'surprise', code: 'unknown_field' });
    for (const failed of [results[1], results[3], results[4]]) {
      expect(failed.message.zh).toMatch(/\S/);
      expect(failed.message.en).toMatch(/\S/);
    }
    const created = [results[0].id, results[2].id, results[5].id];
    expect((await worklistIds(token)).sort()).toEqual([...created].sort());
  });

  it('creates nothing new when the same array is sent again: the valid rows are existing', async ({
    newAgencyToken,
    batch,
    worklistIds,
  }) => {
    const token = await newAgencyToken();
    const rows = [penaltyInput(), recordOf('payment'), { ...penaltyInput(), decisionDate: '2026-02-30' }];
    const first = await batch(token, rows);
    const countAfterFirst = (await worklistIds(token)).length;

    const again = await batch(token, rows);

    expect(first.json.summary).toMatchObject({ created: 2, existing: 0, error: 1 });
    expect(again.json.summary).toEqual({ rows: 3, created: 0, existing: 2, error: 1 });
    expect(again.json.results[0]).toMatchObject({ status: 'existing', id: first.json.results[0].id });
    expect(again.json.results[1]).toMatchObject({ status: 'existing', id: first.json.results[1].id });
    expect(await worklistIds(token)).toHaveLength(countAfterFirst);
    expect(countAfterFirst).toBe(2);
  });

  it('answers a conflicting row with document_number_conflict and keeps the first', async ({
    newAgencyToken,
    batch,
    worklistIds,
  }) => {
    const token = await newAgencyToken();
    const input = penaltyInput();
    await batch(token, [input]);

    const answer = await batch(token, [{ ...input, remarks: '内容不同' }]);

    expect(answer.json.results[0]).toMatchObject({
      row: 1,
      status: 'error',
      code: 'document_number_conflict',
    });
    expect(await worklistIds(token)).toHaveLength(1);
  });

  it('publishes every valid row with ?publish=true', async ({ newAgencyToken, batch, worklistIds }) => {
    const token = await newAgencyToken();

    const answer = await batch(token, [recordOf('ruling'), recordOf('confirmation')], {}, '?publish=true');

    expect(answer.json.summary).toMatchObject({ created: 2, error: 0 });
    expect(await worklistIds(token, 'published')).toHaveLength(2);
  });

  it('refuses more than 1000 rows with a 400, storing nothing', async ({
    newAgencyToken,
    batch,
    worklistIds,
  }) => {
    const token = await newAgencyToken();
    const rows = Array.from({ length: 1001 }, () => recordOf('reward'));

    const answer = await batch(token, rows);

    expectProblem(answer, 400, 'batch_too_large', 'body');
    expect(await worklistIds(token)).toEqual([]);
  });

  it('stores a row repeated within one batch once, answering created and existing', async ({
    newAgencyToken,
    batch,
    worklistIds,
  }) => {
    const token = await newAgencyToken();
    const input = penaltyInput();

    const answer = await batch(token, [input, input, input]);

    expect(answer.json.summary).toMatchObject({ created: 1, existing: 2, error: 0 });
    expect(new Set(answer.json.results.map((r: { id: string }) => r.id)).size).toBe(1);
    expect(await worklistIds(token)).toHaveLength(1);
  });

  it('refuses a body that is not an array, and an empty array', async ({ newAgencyToken, batch }) => {
    const token = await newAgencyToken();

    expectProblem(await batch(token, penaltyInput()), 400, 'batch_not_array', 'body');
    expectProblem(await batch(token, []), 400, 'batch_empty', 'body');
  });
});

describe('POST /v1/records/batch with a CSV file', () => {
  it('reads the Chinese headers, stores the valid rows and reports the others by data row', async ({
    service,
    newAgencyToken,
    sendCsv,
  }) => {
    const token = await newAgencyToken();
    const rows = [
      penaltyCsvRow({ 行政相对人名称: '济阳区甲商贸有限公司' }),
      penaltyCsvRow({ 统一社会信用代码: withWrongCheck(aCompany()) }),
      penaltyCsvRow({ 处罚决定日期: '2026/2/30' }),
      penaltyCsvRow({ 失信程度: '特别严重' }),
      penaltyCsvRow({ 行政相对人名称: '济阳区乙商贸有限公司', 处罚类别: '罚款；没收违法所得' }),
    ];

    const answer = await sendCsv(token, csvOf(rows));

    expect(answer.status).toBe(200);
    expect(answer.json.summary).toEqual({ rows: 5, created: 2, existing: 0, error: 3 });
    const [first, badUscc, badDate, badSeverity, last] = answer.json.results;
    expect(first).toMatchObject({ row: 1, status: 'created' });
    expect(badUscc).toMatchObject({ row: 2, status: 'error', field: 'subject.uscc' });
    expect(badDate).toMatchObject({ row: 3, status: 'error', field: 'decisionDate' });
    expect(badSeverity).toMatchObject({ row: 4, status: 'error', field: 'penalty.severity' });
    expect(last).toMatchObject({ row: 5, status: 'created' });
    const stored = await call(service.url, 'GET', `/v1/records/${last.id}`, { token });
    expect(stored.json.record).toMatchObject({
      kind: 'penalty',
      decisionDate: '2026-09-30',
      subject: { category: 'legal_person', name: '济阳区乙商贸有限公司' },
      penalty: {
        categories: ['罚款', '没收违法所得'],
        fineAmount: 0.5,
        severity: 'general',
        procedure: 'ordinary',
      },
    });
  });

  it('creates nothing new when the same file is sent twice', async ({
    newAgencyToken,
    sendCsv,
    worklistIds,
  }) => {
    const token = await newAgencyToken();
    const csv = csvOf([penaltyCsvRow(), penaltyCsvRow(), penaltyCsvRow({ 统一社会信用代码: '' })]);
    await sendCsv(token, csv);

    const again = await sendCsv(token, csv);

    expect(again.json.summary).toEqual({ rows: 3, created: 0, existing: 2, error: 1 });
    expect(again.json.results[2]).toMatchObject({ row: 3, field: 'subject.uscc', code: 'uscc_required' });
    expect(await worklistIds(token)).toHaveLength(2);
  });

  it('refuses a file with an unknown column, naming it, and stores nothing', async ({
    newAgencyToken,
    sendCsv,
    worklistIds,
  }) => {
    const token = await newAgencyToken();
    const csv = csvOf([{ ...penaltyCsvRow(), 联系电话: '13812345678' }]);

    const answer = await sendCsv(token, csv);

    expectProblem(answer, 400, 'csv_unknown_column', '联系电话');
    expect(await worklistIds(token)).toEqual([]);
  });

  it('refuses a file of more than 1000 rows, storing nothing', async ({
    newAgencyToken,
    sendCsv,
    worklistIds,
  }) => {
    const token = await newAgencyToken();
    const csv = csvOf(Array.from({ length: 1001 }, () => penaltyCsvRow()));

    expectProblem(await sendCsv(token, csv), 400, 'csv_too_many_rows');
    expect(await worklistIds(token)).toEqual([]);
  });

  it('refuses a file whose kind cannot be told from its header', async ({ newAgencyToken, sendCsv }) => {
    const token = await newAgencyToken();
    const { 行政处罚决定书文号: _, ...withoutNumber } = penaltyCsvRow();

    expectProblem(await sendCsv(token, csvOf([withoutNumber])), 400, 'csv_kind_unknown');
  });

  it('refuses a batch sent as neither JSON nor CSV with 415', async ({ newAgencyToken, batch }) => {
    const token = await newAgencyToken();
    const answer = await batch(token, csvOf([penaltyCsvRow()]), { 'content-type': 'text/plain' });

    expectProblem(answer, 415, 'unsupported_media_type');
  });
});
