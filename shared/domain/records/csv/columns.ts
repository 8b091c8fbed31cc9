import type { KindDetails } from '../../../schemas/records/kind-details.ts';
import type { Subject } from '../../../schemas/records/subject.ts';
import type { RecordKind } from '../vocabulary.ts';
import type { Conversion } from './cells.ts';

/**
 * The header tables of the CSV import: each Chinese column of the national data standard
 * (行政许可和行政处罚等信用信息数据标准, 2019), and the older or shorter spellings seen in real
 * files, with the place in a record input its value goes to.
 */

type GenericKind = Exclude<RecordKind, 'penalty' | 'license'>;
type KindPath = { [K in RecordKind]: `${K}.${keyof KindDetails[K] & string}` }[RecordKind];
/** Every place a column can go, so a typo in the tables below fails type checking. */
export type RecordPath =
  | 'documentNumber'
  | 'decisionDate'
  | 'remarks'
  | `subject.${keyof Subject & string}`
  | KindPath;

export interface Column {
  /** Where the value goes in the record input; null: accepted and ignored. */
  readonly path: RecordPath | null;
  readonly as?: Conversion;
}
type ColumnTable = Readonly<Record<string, Column>>;

/**
 * The authority that decided is the caller's, taken from its token: a file must not be able
 * to register records in another agency's name. These columns are therefore accepted, so the
 * standard's template imports unchanged, and ignored.
 */
const AUTHORITY: Column = { path: null };

/** Subject and remarks, common to all kinds; `_1`–`_6` are the 2019 numbering only. */
const SUBJECT_COLUMNS = {
  行政相对人名称: { path: 'subject.name' },
  行政相对人类别: { path: 'subject.category', as: 'subjectCategory' },
  '行政相对人代码_1（统一社会信用代码）': { path: 'subject.uscc' },
  '行政相对人代码_2（工商注册号）': { path: 'subject.businessRegNo' },
  '行政相对人代码_3（组织机构代码）': { path: 'subject.orgCode' },
  '行政相对人代码_4（税务登记号）': { path: 'subject.taxNo' },
  '行政相对人代码_5（事业单位证书号）': { path: 'subject.institutionCertNo' },
  '行政相对人代码_6（社会组织登记证号）': { path: 'subject.socialOrgCertNo' },
  统一社会信用代码: { path: 'subject.uscc' },
  工商注册号: { path: 'subject.businessRegNo' },
  组织机构代码: { path: 'subject.orgCode' },
  税务登记号: { path: 'subject.taxNo' },
  事业单位证书号: { path: 'subject.institutionCertNo' },
  社会组织登记证号: { path: 'subject.socialOrgCertNo' },
  法定代表人: { path: 'subject.legalRepresentative' },
  法定代表人证件类型: { path: 'subject.legalRepresentativeIdType', as: 'idType' },
  法定代表人证件号码: { path: 'subject.legalRepresentativeIdNumber' },
  证件类型: { path: 'subject.idType', as: 'idType' },
  证件号码: { path: 'subject.idNumber' },
  备注: { path: 'remarks' },
  数据来源单位: AUTHORITY,
  数据来源单位统一社会信用代码: AUTHORITY,
} as const satisfies ColumnTable;

const PENALTY_COLUMNS = {
  行政处罚决定书文号: { path: 'documentNumber' },
  处罚决定书文号: { path: 'documentNumber' },
  违法行为类型: { path: 'penalty.violationType' },
  违法事实: { path: 'penalty.facts' },
  处罚依据: { path: 'penalty.basis' },
  处罚类别: { path: 'penalty.categories', as: 'categories' },
  处罚内容: { path: 'penalty.content' },
  '罚款金额（万元）': { path: 'penalty.fineAmount', as: 'amount' },
  '没收金额（万元）': { path: 'penalty.confiscatedAmount', as: 'amount' },
  '没收违法所得、没收非法财物的金额（万元）': { path: 'penalty.confiscatedAmount', as: 'amount' },
  暂扣或吊销证照名称及编号: { path: 'penalty.licenseAffected' },
  处罚决定日期: { path: 'decisionDate', as: 'date' },
  处罚有效期: { path: 'penalty.validUntil', as: 'date' },
  失信程度: { path: 'penalty.severity', as: 'severity' },
  处罚严重程度: { path: 'penalty.severity', as: 'severity' },
  处罚程序: { path: 'penalty.procedure', as: 'procedure' },
  // Optional: without it the period follows policy/publication-periods.ts; with it, it must
  // lie within that legal maximum, or the row is refused naming the rule.
  公示截止期: { path: 'penalty.publicationEndsOn', as: 'date' },
  失信行为终止日期: { path: 'penalty.misconductEndedOn', as: 'date' },
  所属领域: { path: 'penalty.sector', as: 'sector' },
  行业领域: { path: 'penalty.sector', as: 'sector' },
  处罚机关: AUTHORITY,
  处罚机关统一社会信用代码: AUTHORITY,
} as const satisfies ColumnTable;

const LICENSE_COLUMNS = {
  行政许可决定文书名称: { path: 'license.documentName' },
  行政许可决定文书号: { path: 'documentNumber' },
  许可决定文书号: { path: 'documentNumber' },
  许可类别: { path: 'license.category' },
  许可证书名称: { path: 'license.certificateName' },
  许可编号: { path: 'license.licenseNumber' },
  许可内容: { path: 'license.content' },
  许可决定日期: { path: 'decisionDate', as: 'date' },
  有效期自: { path: 'license.validFrom', as: 'date' },
  有效期至: { path: 'license.validTo', as: 'date' },
  当前状态: { path: 'license.status', as: 'licenseStatus' },
  许可机关: AUTHORITY,
  许可机关统一社会信用代码: AUTHORITY,
} as const satisfies ColumnTable;

/** The other eight kinds have no standard columns: a generic set over their common core. */
function genericColumns(kind: GenericKind): ColumnTable {
  return {
    文书号: { path: 'documentNumber' },
    决定文书号: { path: 'documentNumber' },
    决定日期: { path: 'decisionDate', as: 'date' },
    内容: { path: `${kind}.content` },
    决定内容: { path: `${kind}.content` },
    依据: { path: `${kind}.basis` },
    决定机关: AUTHORITY,
    决定机关统一社会信用代码: AUTHORITY,
  };
}

const amount = (kind: 'levy' | 'payment' | 'compensation' | 'reward', header: string): ColumnTable => ({
  '金额（万元）': { path: `${kind}.amount`, as: 'amount' },
  [header]: { path: `${kind}.amount`, as: 'amount' },
});

const KIND_COLUMNS: Readonly<Record<RecordKind, ColumnTable>> = {
  penalty: PENALTY_COLUMNS,
  license: LICENSE_COLUMNS,
  coercion: {
    ...genericColumns('coercion'),
    强制措施: { path: 'coercion.measure' },
    期限自: { path: 'coercion.validFrom', as: 'date' },
    期限至: { path: 'coercion.validTo', as: 'date' },
  },
  confirmation: { ...genericColumns('confirmation'), 确认类别: { path: 'confirmation.confirmationType' } },
  levy: {
    ...genericColumns('levy'),
    征收项目: { path: 'levy.levyType' },
    ...amount('levy', '征收金额（万元）'),
  },
  payment: {
    ...genericColumns('payment'),
    给付类别: { path: 'payment.paymentType' },
    ...amount('payment', '给付金额（万元）'),
  },
  ruling: { ...genericColumns('ruling'), 争议类别: { path: 'ruling.disputeType' } },
  compensation: {
    ...genericColumns('compensation'),
    补偿类别: { path: 'compensation.compensationType' },
    ...amount('compensation', '补偿金额（万元）'),
  },
  reward: {
    ...genericColumns('reward'),
    奖励形式: { path: 'reward.rewardType' },
    ...amount('reward', '奖励金额（万元）'),
  },
  inspection: {
    ...genericColumns('inspection'),
    检查方式: { path: 'inspection.inspectionType' },
    检查结果: { path: 'inspection.result' },
  },
};

/**
 * Headers compare after NFKC (full-width `（万元）` equals `(万元)`, `＿` equals `_`) and
 * without white space, since templates and hand-made files differ in exactly these.
 */
export const headerKey = (header: string) => header.normalize('NFKC').replace(/\s/g, '');

export function columnsOf(kind: RecordKind): ReadonlyMap<string, Column> {
  const table: ColumnTable = { ...SUBJECT_COLUMNS, ...KIND_COLUMNS[kind] };
  return new Map(Object.entries(table).map(([header, column]) => [headerKey(header), column]));
}

/** The document-number columns that identify a file's kind when the caller does not say. */
export const KIND_MARKERS: readonly (readonly [RecordKind, readonly string[]])[] = [
  ['penalty', ['行政处罚决定书文号', '处罚决定书文号'].map(headerKey)],
  ['license', ['行政许可决定文书号', '许可决定文书号'].map(headerKey)],
];

/**
 * The columns of a kind's template: for each place a column goes, the first spelling in the
 * tables above (the standard's own), in their order, with 备注 last. Authority columns are
 * left out: the agency is the caller's own, and a column the import ignores would mislead.
 */
export function templateHeaders(
  kind: RecordKind,
): readonly (readonly [string, Column & { path: RecordPath }])[] {
  const table: ColumnTable = { ...SUBJECT_COLUMNS, ...KIND_COLUMNS[kind] };
  const seen = new Set<RecordPath>();
  const out: [string, Column & { path: RecordPath }][] = [];
  for (const [header, column] of Object.entries(table)) {
    if (column.path === null || seen.has(column.path)) continue;
    seen.add(column.path);
    out.push([header, { ...column, path: column.path }]);
  }
  return [...out.filter(([, c]) => c.path !== 'remarks'), ...out.filter(([, c]) => c.path === 'remarks')];
}
