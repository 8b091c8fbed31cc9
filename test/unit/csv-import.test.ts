import { describe, expect, it } from 'vitest';
import { CsvSyntaxError } from '../../shared/domain/csv.ts';
import { InvalidInputError } from '../../shared/domain/errors.ts';
import { MAX_BATCH_ROWS } from '../../shared/domain/records/batch.ts';
import { idTypeFromLabel } from '../../shared/domain/records/csv/cells.ts';
import { CsvFormatError, csvRowsToRecordInputs } from '../../shared/domain/records/csv/import.ts';
import { ID_TYPE_LABELS, ID_TYPES } from '../../shared/domain/records/vocabulary.ts';
import { recordInputSchema } from '../../shared/schemas/records/record-input.ts';
import { thrownBy } from './support/thrown.ts';

const USCC = '91350100M000100Y43';
const USCC_WRONG_CHECK = '91350100M000100Y44';
const ID_CARD = '11010519491231002X';

type Columns = Record<string, string>;

/** CSV text with a header of `records`' keys; quoting written out here, not from csv.ts. */
function csvOf(records: readonly Columns[]): string {
  const header = Object.keys(records[0] ?? {});
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const lines = [header, ...records.map((record) => header.map((name) => record[name] ?? ''))];
  return lines.map((cells) => `${cells.map(quote).join(',')}\r\n`).join('');
}

/** A penalty row in the 2019 standard's columns, plus this service's severity and procedure. */
function penaltyColumns(overrides: Columns = {}): Columns {
  return {
    行政相对人名称: '福州某某科技有限公司',
    行政相对人类别: '法人及非法人组织',
    '行政相对人代码_1（统一社会信用代码）': USCC,
    法定代表人: '张三',
    法定代表人证件类型: '身份证',
    法定代表人证件号码: ID_CARD,
    行政处罚决定书文号: '榕市监罚〔2026〕12号',
    违法行为类型: '虚假宣传',
    违法事实: '在其网站发布"全国第一"等用语，\n构成虚假宣传',
    处罚依据: '《中华人民共和国广告法》第五十七条',
    处罚类别: '警告；罚款;没收违法所得、没收非法财物',
    处罚内容: '警告，罚款 2.5 万元，没收违法所得 0.35 万元',
    '罚款金额（万元）': ' 2.5 ',
    '没收违法所得、没收非法财物的金额（万元）': '0.35',
    处罚决定日期: '2026/03/05',
    处罚有效期: '20270304',
    公示截止期: '2026-09-05',
    处罚机关: '福州市市场监督管理局',
    处罚机关统一社会信用代码: 'not even checked',
    失信程度: '一般',
    处罚程序: '普通程序',
    所属领域: '其他领域',
    数据来源单位: '福州市市场监督管理局',
    数据来源单位统一社会信用代码: 'not even checked',
    备注: '',
    ...overrides,
  };
}

function licenseColumns(overrides: Columns = {}): Columns {
  return {
    行政相对人名称: '福州某某餐饮店',
    行政相对人类别: '个体工商户',
    统一社会信用代码: USCC,
    行政许可决定文书名称: '食品经营许可决定书',
    行政许可决定文书号: '榕食许〔2026〕88号',
    许可类别: '普通',
    许可证书名称: '食品经营许可证',
    许可编号: 'JY13501000000001',
    许可内容: '预包装食品销售',
    许可决定日期: '2026/01/15',
    有效期自: '2026/1/15',
    有效期至: '2031/01/14',
    许可机关: '福州市市场监督管理局',
    许可机关统一社会信用代码: 'ignored',
    当前状态: '有效',
    ...overrides,
  };
}

const inputsOf = (text: string) => csvRowsToRecordInputs(text).rows.map(({ input }) => input);

function formatError(action: () => unknown): CsvFormatError {
  const error = thrownBy(action);
  expect(error).toBeInstanceOf(CsvFormatError);
  return error as CsvFormatError;
}

describe('csvRowsToRecordInputs: penalties', () => {
  const text = csvOf([
    penaltyColumns(),
    penaltyColumns({
      行政相对人名称: '福州某某小吃店',
      行政相对人类别: '个体工商户',
      '行政相对人代码_1（统一社会信用代码）': USCC_WRONG_CHECK,
      法定代表人: '',
      法定代表人证件类型: '',
      法定代表人证件号码: '',
      行政处罚决定书文号: '榕市监简罚〔2026〕3号',
      处罚类别: '警告',
      '罚款金额（万元）': '',
      '没收违法所得、没收非法财物的金额（万元）': '',
      处罚有效期: '',
      失信程度: '轻微',
      处罚程序: '简易程序',
      备注: '当场改正',
    }),
  ]);

  it('maps the standard columns onto record inputs, row by row', () => {
    const imported = csvRowsToRecordInputs(text);

    expect(imported.kind).toBe('penalty');
    expect(imported.rows.map(({ row }) => row)).toEqual([1, 2]);
    expect(imported.rows[0]?.input).toEqual({
      kind: 'penalty',
      documentNumber: '榕市监罚〔2026〕12号',
      decisionDate: '2026-03-05',
      subject: {
        category: 'legal_person',
        name: '福州某某科技有限公司',
        uscc: USCC,
        legalRepresentative: '张三',
        legalRepresentativeIdType: 'resident_id',
        legalRepresentativeIdNumber: ID_CARD,
      },
      penalty: {
        violationType: '虚假宣传',
        facts: '在其网站发布"全国第一"等用语，\n构成虚假宣传',
        basis: '《中华人民共和国广告法》第五十七条',
        categories: ['警告', '罚款', '没收违法所得、没收非法财物'],
        content: '警告，罚款 2.5 万元，没收违法所得 0.35 万元',
        fineAmount: 2.5,
        confiscatedAmount: 0.35,
        validUntil: '2027-03-04',
        publicationEndsOn: '2026-09-05',
        severity: 'general',
        procedure: 'ordinary',
        sector: 'other',
      },
    });
    expect(imported.rows[1]?.input).toEqual({
      kind: 'penalty',
      documentNumber: '榕市监简罚〔2026〕3号',
      decisionDate: '2026-03-05',
      remarks: '当场改正',
      subject: { category: 'individual_business', name: '福州某某小吃店', uscc: USCC_WRONG_CHECK },
      penalty: {
        violationType: '虚假宣传',
        facts: '在其网站发布"全国第一"等用语，\n构成虚假宣传',
        basis: '《中华人民共和国广告法》第五十七条',
        categories: ['警告'],
        content: '警告，罚款 2.5 万元，没收违法所得 0.35 万元',
        publicationEndsOn: '2026-09-05',
        severity: 'minor',
        procedure: 'simplified',
        sector: 'other',
      },
    });
  });

  it('yields inputs that the record schema accepts, or rejects at the offending field', () => {
    const [valid, badUscc] = inputsOf(text).map((input) => recordInputSchema.safeParse(input));

    expect(valid?.success).toBe(true);
    expect(badUscc?.success).toBe(false);
    expect(badUscc?.error?.issues.map((issue) => issue.path)).toEqual([['subject', 'uscc']]);
  });

  it('reads 所属领域 by its label and 失信行为终止日期 as a date', () => {
    const rows = ['安全生产', '特种设备', '消防', '其他领域', '其他', '交通运输'].map((sector) =>
      penaltyColumns({ 所属领域: sector, 失信行为终止日期: '2025/12/31' }),
    );

    const penalties = inputsOf(csvOf(rows)).map(
      (input) => (input as { penalty: { sector: unknown; misconductEndedOn: unknown } }).penalty,
    );

    expect(penalties.map((p) => p.sector)).toEqual([
      'work_safety',
      'special_equipment',
      'fire_safety',
      'other',
      'other',
      '交通运输',
    ]);
    expect(penalties.map((p) => p.misconductEndedOn)).toEqual(Array(6).fill('2025-12-31'));
  });

  it('refuses a 公示截止期 beyond the legal maximum, naming the rule (公示截止期 within the period of the regime)', () => {
    // Decided 2026-03-05 under Order No. 58: at most three years, so until 2029-03-05.
    const rows = ['2029-03-05', '2029-03-06', '2026-03-04'].map((end) => penaltyColumns({ 公示截止期: end }));

    const results = inputsOf(csvOf(rows)).map((input) => recordInputSchema.safeParse(input));

    expect(results[0]?.success).toBe(true);
    expect(results[1]?.error?.issues).toMatchObject([
      {
        path: ['penalty', 'publicationEndsOn'],
        params: {
          code: 'publication_end_beyond_maximum',
          zh: expect.stringContaining('国家发展改革委令第58号'),
        },
      },
    ]);
    expect(results[2]?.error?.issues).toMatchObject([
      { path: ['penalty', 'publicationEndsOn'], params: { code: 'publication_end_before_decision' } },
    ]);
  });

  it('refuses a 公示截止期 beyond five years from the end of the misconduct, naming 条例 第38条', () => {
    const row = penaltyColumns({ 失信行为终止日期: '2023-01-10', 公示截止期: '2028-06-01' });

    const [result] = inputsOf(csvOf([row])).map((input) => recordInputSchema.safeParse(input));

    expect(result?.error?.issues).toMatchObject([
      {
        path: ['penalty', 'publicationEndsOn'],
        params: { code: 'publication_end_beyond_maximum', zh: expect.stringContaining('第38条') },
      },
    ]);
  });

  it('refuses a penalty decided under Order No. 58 without its sector, which sets its minimum', () => {
    const rows = [
      penaltyColumns({ 所属领域: '' }),
      penaltyColumns({ 所属领域: '', 处罚决定日期: '2026-04-01' }),
    ];

    const [under58, under36] = inputsOf(csvOf(rows)).map((input) => recordInputSchema.safeParse(input));

    expect(under58?.error?.issues).toMatchObject([
      { path: ['penalty', 'sector'], params: { code: 'sector_required' } },
    ]);
    expect(under36?.success).toBe(true);
  });

  it('refuses a misconduct that ended after the decision on it', () => {
    const row = penaltyColumns({ 失信行为终止日期: '2026-03-06' });

    const [result] = inputsOf(csvOf([row])).map((input) => recordInputSchema.safeParse(input));

    expect(result?.error?.issues).toMatchObject([
      { path: ['penalty', 'misconductEndedOn'], params: { code: 'misconduct_end_after_decision' } },
    ]);
  });

  it('reads headers with half-width parentheses and stray spaces, and the short aliases', () => {
    const renamed: Columns = {
      ' 行政相对人名称 ': '福州某某科技有限公司',
      处罚决定书文号: '榕市监罚〔2026〕12号',
      '罚款金额 (万元)': '2.5',
      '没收金额(万元)': '0.35',
      处罚严重程度: '严重',
    };

    const [input] = inputsOf(csvOf([renamed]));

    expect(input).toMatchObject({
      documentNumber: '榕市监罚〔2026〕12号',
      subject: { name: '福州某某科技有限公司' },
      penalty: { fineAmount: 2.5, confiscatedAmount: 0.35, severity: 'serious' },
    });
  });

  it('converts amounts only when a number holds them exactly', () => {
    const amounts = ['007.50', '1,000', '约5', '0.1234567', '12345.1234560000000001', '-1'];
    const records = amounts.map((amount) => penaltyColumns({ '罚款金额（万元）': amount }));

    const fines = inputsOf(csvOf(records)).map(
      (input) => (input as { penalty: { fineAmount: unknown } }).penalty.fineAmount,
    );

    expect(fines).toEqual([7.5, '1,000', '约5', 0.1234567, '12345.1234560000000001', -1]);
  });

  it('normalises the three date spellings and leaves any other for validation', () => {
    const dates = ['2026-03-05', '2026/03/05', '20260305', '2026/3/5', '2026.03.05', '2026年3月5日'];
    const records = dates.map((date) => penaltyColumns({ 处罚决定日期: date }));

    const decided = inputsOf(csvOf(records)).map(
      (input) => (input as { decisionDate: unknown }).decisionDate,
    );

    expect(decided).toEqual([
      '2026-03-05',
      '2026-03-05',
      '2026-03-05',
      '2026-03-05',
      '2026.03.05',
      '2026年3月5日',
    ]);
  });

  it('splits 处罚类别 on semicolons and commas, never on 、', () => {
    const records = [
      penaltyColumns({ 处罚类别: '警告，罚款,通报批评 ; ；' }),
      penaltyColumns({ 处罚类别: '法律、行政法规规定的其他行政处罚' }),
    ];

    const categories = inputsOf(csvOf(records)).map(
      (input) => (input as { penalty: { categories: unknown } }).penalty.categories,
    );

    expect(categories).toEqual([['警告', '罚款', '通报批评'], ['法律、行政法规规定的其他行政处罚']]);
  });

  it('passes an unknown label on as written, so validation names the field', () => {
    const [input] = inputsOf(csvOf([penaltyColumns({ 行政相对人类别: '企业' })]));

    const result = recordInputSchema.safeParse(input);

    expect(input).toMatchObject({ subject: { category: '企业' } });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['subject', 'category']]);
  });

  it('skips blank rows but keeps counting them', () => {
    const [header, row] = csvOf([penaltyColumns()]).split('\r\n');
    const text = [header, row, ',,,', '', ' , ', row, ''].join('\r\n');

    const imported = csvRowsToRecordInputs(text);

    expect(imported.rows.map(({ row }) => row)).toEqual([1, 5]);
  });

  it('answers no rows for a header alone', () => {
    expect(csvRowsToRecordInputs('行政处罚决定书文号,行政相对人名称\r\n').rows).toEqual([]);
  });
});

describe('csvRowsToRecordInputs: licenses and other kinds', () => {
  it('maps the license columns, with dates written YYYY/MM/DD', () => {
    const imported = csvRowsToRecordInputs(csvOf([licenseColumns()]));

    expect(imported.kind).toBe('license');
    expect(imported.rows[0]?.input).toEqual({
      kind: 'license',
      documentNumber: '榕食许〔2026〕88号',
      decisionDate: '2026-01-15',
      subject: { category: 'individual_business', name: '福州某某餐饮店', uscc: USCC },
      license: {
        documentName: '食品经营许可决定书',
        category: '普通',
        certificateName: '食品经营许可证',
        licenseNumber: 'JY13501000000001',
        content: '预包装食品销售',
        validFrom: '2026-01-15',
        validTo: '2031-01-14',
        status: 'valid',
      },
    });
    expect(recordInputSchema.safeParse(imported.rows[0]?.input).success).toBe(true);
  });

  it('maps the generic columns of another kind when the caller names it', () => {
    const text = csvOf([
      {
        行政相对人名称: '李四',
        行政相对人类别: '自然人',
        证件类型: '护照号',
        证件号码: 'E12345678',
        文书号: '榕市监强〔2026〕1号',
        决定日期: '20260210',
        内容: '查封涉案设备',
        依据: '《中华人民共和国行政强制法》第二十二条',
        强制措施: '查封',
        期限自: '2026/02/10',
        期限至: '2026/03/11',
        决定机关: '福州市市场监督管理局',
      },
    ]);

    const imported = csvRowsToRecordInputs(text, 'coercion');

    expect(imported.rows[0]?.input).toEqual({
      kind: 'coercion',
      documentNumber: '榕市监强〔2026〕1号',
      decisionDate: '2026-02-10',
      subject: { category: 'natural_person', name: '李四', idType: 'passport', idNumber: 'E12345678' },
      coercion: {
        content: '查封涉案设备',
        basis: '《中华人民共和国行政强制法》第二十二条',
        measure: '查封',
        validFrom: '2026-02-10',
        validTo: '2026-03-11',
      },
    });
    expect(recordInputSchema.safeParse(imported.rows[0]?.input).success).toBe(true);
  });

  it('turns every 证件类型 label back into its code', () => {
    expect(ID_TYPES.map((code) => idTypeFromLabel(ID_TYPE_LABELS[code]))).toEqual([...ID_TYPES]);
    expect(idTypeFromLabel('其他-军官证')).toBe('other');
    expect(idTypeFromLabel('军官证')).toBeUndefined();
  });
});

describe('csvRowsToRecordInputs: kind', () => {
  it('detects a penalty by its 行政处罚决定书文号 column, or the short alias', () => {
    expect(csvRowsToRecordInputs('行政处罚决定书文号\r\nX1\r\n').kind).toBe('penalty');
    expect(csvRowsToRecordInputs('处罚决定书文号\r\nX1\r\n').kind).toBe('penalty');
  });

  it('detects a license by its 行政许可决定文书号 column', () => {
    expect(csvRowsToRecordInputs('行政相对人名称,行政许可决定文书号\r\nA,X1\r\n').kind).toBe('license');
  });

  it('refuses to guess when no column, or both, identify the kind', () => {
    const neither = formatError(() => csvRowsToRecordInputs('行政相对人名称\r\nA\r\n'));
    const both = formatError(() => csvRowsToRecordInputs('行政处罚决定书文号,行政许可决定文书号\r\nX,Y\r\n'));

    expect(neither.code).toBe('csv_kind_unknown');
    expect(both.code).toBe('csv_kind_unknown');
  });

  it('takes the kind the caller names over the header', () => {
    const error = formatError(() => csvRowsToRecordInputs(csvOf([penaltyColumns()]), 'license'));

    expect(error).toMatchObject({ code: 'csv_unknown_column', field: '行政处罚决定书文号' });
  });
});

describe('csvRowsToRecordInputs: file-level errors', () => {
  it('names an unknown column, in both languages, as invalid input', () => {
    const error = formatError(() => csvRowsToRecordInputs(csvOf([penaltyColumns({ 处罚金额: '1' })])));

    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.code).toBe('csv_unknown_column');
    expect(error.field).toBe('处罚金额');
    expect(error.messages.zh).toContain('处罚金额');
    expect(error.messages.en).toContain('处罚金额');
  });

  it('refuses a column given twice under two names', () => {
    const error = formatError(() =>
      csvRowsToRecordInputs(csvOf([penaltyColumns({ 统一社会信用代码: USCC })])),
    );

    expect(error).toMatchObject({ code: 'csv_duplicate_column', field: '统一社会信用代码' });
  });

  it('ignores columns without a header unless something is written in them', () => {
    const header = '行政处罚决定书文号,行政相对人名称,,';

    expect(csvRowsToRecordInputs(`${header}\r\nX1,A,,\r\n`).rows).toHaveLength(1);
    expect(formatError(() => csvRowsToRecordInputs(`${header}\r\nX1,A,,oops\r\n`)).code).toBe(
      'csv_unnamed_column',
    );
    expect(formatError(() => csvRowsToRecordInputs(`${header}\r\nX1,A,,,,oops\r\n`)).code).toBe(
      'csv_unnamed_column',
    );
  });

  it(`accepts ${MAX_BATCH_ROWS} rows and refuses one more`, () => {
    const rows = (count: number) => `行政处罚决定书文号\r\n${'X\r\n'.repeat(count)}`;

    const error = formatError(() => csvRowsToRecordInputs(rows(MAX_BATCH_ROWS + 1)));

    expect(MAX_BATCH_ROWS).toBe(1000);
    expect(csvRowsToRecordInputs(rows(MAX_BATCH_ROWS)).rows).toHaveLength(MAX_BATCH_ROWS);
    expect(error.code).toBe('csv_too_many_rows');
  });

  it('does not count blank rows towards the limit', () => {
    const text = `行政处罚决定书文号\r\n${'X\r\n'.repeat(MAX_BATCH_ROWS)}${'\r\n'.repeat(5)}`;

    expect(csvRowsToRecordInputs(text).rows).toHaveLength(MAX_BATCH_ROWS);
  });

  it('refuses a file without a header', () => {
    for (const text of ['', '\uFEFF', '\r\n', ' , \r\nX\r\n']) {
      expect(formatError(() => csvRowsToRecordInputs(text)).code).toBe('csv_no_header');
    }
  });

  it('reports a CSV syntax error with its line, keeping the cause', () => {
    const error = formatError(() => csvRowsToRecordInputs('行政处罚决定书文号,违法事实\r\nX1,"unclosed\r\n'));

    expect(error.code).toBe('csv_syntax');
    expect(error.messages.zh).toContain('第 2 行');
    expect(error.messages.en).toContain('line 2');
    expect(error.cause).toBeInstanceOf(CsvSyntaxError);
  });
});
