import { expect } from 'vitest';
import { GENESIS } from '../../shared/domain/audit.ts';
import type { DisclosureRecord } from '../../shared/domain/records/record.ts';
import type { RecordKind } from '../../shared/domain/records/vocabulary.ts';
import type { RecordInput } from '../../shared/schemas/records/record-input.ts';
import { call, expectProblem, type HttpAnswer } from './http.ts';
import { licenseInput, penaltyInput, SOLE_TRADER, uniqueDocumentNumber } from './record-builders.ts';

/*
 * Object mothers for disclosure records, beside record-builders.ts: fresh identifiers with
 * their check characters computed here from the GB formulas (not by the code under test),
 * one valid record of each kind, the records the public must never see, CSV files with the
 * standard's Chinese headers, and two small HTTP helpers for the e2e files.
 */

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A USCC from its first seventeen characters, with the check character of GB 32100-2015. */
export function withUsccCheck(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + USCC_CHARSET.indexOf(c) * (USCC_WEIGHTS[i] ?? 0), 0);
  return first17 + USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** A resident ID number from its first seventeen digits, with the GB 11643 check character. */
export function withIdCheck(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * (ID_WEIGHTS[i] ?? 0), 0);
  return first17 + '10X98765432'.charAt(sum % 11);
}

/** The same code with another, wrong, check character. */
export function withWrongCheck(code: string, alphabet = USCC_CHARSET): string {
  const last = code.charAt(code.length - 1);
  const wrong = [...alphabet].find((c) => c !== last) ?? '0';
  return code.slice(0, -1) + wrong;
}

let serial = 0;
const next = () => String(++serial).padStart(7, '0');

/** A fresh agency code (机关, 11…), so each test can own a worklist of its own. */
export const anAgency = () => withUsccCheck(`11370125MB${next()}`);
/** A fresh company code (企业, 91…). */
export const aCompany = () => withUsccCheck(`91370125MA${next()}`);
/** A fresh individual-business code (个体工商户, 92…). */
export const aSoleTrader = () => withUsccCheck(`92370125MA${next()}`);

/** A resident ID number, valid unless the birth date itself is impossible. */
export const anIdNumber = (birth = '19800101', sequence = '001') => withIdCheck(`370125${birth}${sequence}`);

/** What an agency decides under each of the eight kinds without a national field set. */
const GENERIC_DETAILS = {
  coercion: { content: '查封涉案冷库一座', measure: '查封', validFrom: '2026-09-30', validTo: '2026-10-29' },
  confirmation: { content: '确认为高新技术企业', confirmationType: '资格确认' },
  levy: { content: '征收城市基础设施配套费', levyType: '城市基础设施配套费', amount: 12.5 },
  payment: { content: '发放稳岗补贴', paymentType: '稳岗补贴', amount: 0.8 },
  ruling: { content: '裁决林地权属归申请人所有', disputeType: '林地权属争议' },
  compensation: { content: '房屋征收补偿', compensationType: '征收补偿', amount: 35.25 },
  reward: { content: '授予守信激励示范单位称号', rewardType: '荣誉称号' },
  inspection: { content: '食品安全日常监督检查', inspectionType: '现场检查', result: '未发现问题' },
} as const;

type Of<K extends RecordKind> = Extract<RecordInput, { kind: K }>;

/** One valid, publicly visible record of `kind`, against a company decided on 2026-09-30. */
export function recordOf<K extends RecordKind>(kind: K, overrides: Partial<Of<K>> = {}): Of<K> {
  if (kind === 'penalty') return penaltyInput(overrides as Partial<Of<'penalty'>>) as Of<K>;
  if (kind === 'license') return licenseInput(overrides as Partial<Of<'license'>>) as Of<K>;
  const details = GENERIC_DETAILS[kind as keyof typeof GENERIC_DETAILS];
  return {
    kind,
    documentNumber: uniqueDocumentNumber(`济阳${kind}`),
    decisionDate: '2026-09-30',
    subject: { category: 'legal_person', name: '济南市济阳区示例实业有限公司', uscc: aCompany() },
    [kind]: { ...details },
    ...overrides,
  } as Of<K>;
}

type Penalty = Of<'penalty'>;

/** A penalty with its penalty details changed, the rest as penaltyInput builds it. */
export function penaltyWith(details: Partial<Penalty['penalty']>, overrides: Partial<Penalty> = {}): Penalty {
  const base = penaltyInput(overrides);
  return { ...base, penalty: { ...base.penalty, ...details } };
}

/** A penalty against a natural person (never public in Shandong, 条例 第20条). */
export function naturalPersonPenalty(overrides: Partial<Penalty> = {}): Penalty {
  return penaltyInput({
    subject: { category: 'natural_person', name: '王建华', idType: 'resident_id', idNumber: anIdNumber() },
    ...overrides,
  });
}

/** A penalty decided under the simplified procedure (简易程序; never public). */
export const simplifiedPenalty = (overrides: Partial<Penalty> = {}) =>
  penaltyWith({ procedure: 'simplified', categories: ['罚款'], fineAmount: 0.02 }, overrides);

/** A warning alone (警告; minor, never public), though its severity says general. */
export const warningOnlyPenalty = (overrides: Partial<Penalty> = {}) =>
  penaltyWith({ categories: ['警告'], fineAmount: undefined, content: '警告' }, overrides);

/** A penalty classed as minor (轻微; never public). */
export const minorPenalty = (overrides: Partial<Penalty> = {}) =>
  penaltyWith({ severity: 'minor' }, overrides);

export const OPERATOR = { name: '李建国', idNumber: anIdNumber('19700315', '017') };

/** A general penalty against an individual business, its operator entered as 法定代表人. */
export function soleTraderPenalty(overrides: Partial<Penalty> = {}): Penalty {
  return penaltyInput({
    subject: {
      category: 'individual_business',
      name: '济阳区老街口小吃店',
      uscc: SOLE_TRADER,
      legalRepresentative: OPERATOR.name,
      legalRepresentativeIdType: 'resident_id',
      legalRepresentativeIdNumber: OPERATOR.idNumber,
    },
    ...overrides,
  });
}

/** A stored record around `content`, as the repository would hand it to the domain. */
export function aDisclosureRecord(
  content: RecordInput,
  overrides: Partial<DisclosureRecord> = {},
): DisclosureRecord {
  return {
    id: 'rec_0000000000000000000000000a',
    authority: { uscc: '11370100MB2850377W' },
    content,
    status: 'published',
    version: 1,
    revision: 2,
    registeredAt: '2026-10-09T02:00:00.000Z',
    disclosure: { due: '2026-10-15', dueAt: '2026-10-16T00:00:00+08:00', provisional: false },
    publication: { at: '2026-10-09T03:00:00.000Z', by: 'agency', onTime: true, workingDaysLate: 0 },
    history: [],
    head: GENESIS,
    ...overrides,
  };
}

// ---- Varying one field, and the 400 that names it ----------------------------------------

/** A copy of `record` with the value at a dotted path replaced (undefined: left out). */
export function amend(record: object, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(record) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = keys.reduce((node, key) => node[key] as Record<string, unknown>, copy);
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

/** A 400 whose first and only problem names `field` (under body.) with `code`. */
export function expectFieldProblem(answer: HttpAnswer, field: string, code: string): void {
  expectProblem(answer, 400, 'validation_failed', `body.${field}`);
  expect(answer.json.errors).toContainEqual(expect.objectContaining({ field: `body.${field}`, code }));
}

// ---- CSV in the national standard's columns ----------------------------------------------

export type CsvRow = Record<string, string>;

/** A penalty row under the standard's Chinese headers (plus 失信程度 and 处罚程序). */
export function penaltyCsvRow(overrides: CsvRow = {}): CsvRow {
  return {
    行政相对人名称: '济南市济阳区示例商贸有限公司',
    行政相对人类别: '法人及非法人组织',
    统一社会信用代码: aCompany(),
    行政处罚决定书文号: uniqueDocumentNumber('济阳市监罚'),
    违法行为类型: '未按规定明码标价',
    违法事实: '当事人销售商品未明码标价',
    处罚依据: '《价格违法行为行政处罚规定》第十三条',
    处罚类别: '罚款',
    处罚内容: '罚款人民币伍仟元',
    '罚款金额（万元）': '0.5',
    处罚决定日期: '2026/9/30',
    失信程度: '一般',
    处罚程序: '普通程序',
    ...overrides,
  };
}

/** CSV text (CRLF, quoted where needed) whose header is the first row's keys. */
export function csvOf(rows: readonly CsvRow[]): string {
  const header = Object.keys(rows[0] ?? {});
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const lines = [header, ...rows.map((row) => header.map((name) => row[name] ?? ''))];
  return lines.map((cells) => `${cells.map(quote).join(',')}\r\n`).join('');
}

// ---- Dates and HTTP ----------------------------------------------------------------------

/** Today in Asia/Shanghai, whatever the machine's zone: a decision still within its deadline. */
export function todayInShanghai(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Every item of a paginated GET, following `cursor` until the last page (at most 50 pages). */
export async function allPages(
  baseUrl: string,
  path: string,
  options: { token?: string; limit?: number } = {},
): Promise<{ items: { id: string }[]; pages: HttpAnswer[] }> {
  const items: { id: string }[] = [];
  const pages: HttpAnswer[] = [];
  let cursor: string | undefined;
  const join = path.includes('?') ? '&' : '?';
  do {
    const page = `${path}${join}limit=${options.limit ?? 100}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const answer = await call(baseUrl, 'GET', page, options.token ? { token: options.token } : {});
    if (answer.status !== 200) throw new Error(`GET ${page} answered ${answer.status}: ${answer.text}`);
    pages.push(answer);
    items.push(...answer.json.items);
    cursor = answer.json.cursor;
  } while (cursor && pages.length < 50);
  return { items, pages };
}

/** A query string with every value URI-encoded (names are Chinese). */
export function queryOf(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params).flatMap(([k, v]) =>
    v === undefined ? [] : [`${k}=${encodeURIComponent(String(v))}`],
  );
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}
