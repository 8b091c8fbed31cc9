import type { KindDetails } from '../../schemas/records/kind-details.ts';
import type { Subject } from '../../schemas/records/subject.ts';
import {
  type Labels,
  LICENSE_STATUS_LABELS,
  PROCEDURE_LABELS,
  type RecordKind,
  SECTOR_LABELS,
  SEVERITY_LABELS,
} from './vocabulary.ts';

/**
 * The name of every field of a record, in the words of the national data standard
 * (行政许可和行政处罚等信用信息数据标准, 2019), with a hint where the name alone does not say
 * enough. The schemas describe their fields with these, the website labels them with these.
 * Each table is written in the order a reader expects the fields.
 */
export interface FieldWords {
  readonly label: string;
  readonly hint?: string;
  /** For a field whose values are codes: the words of each code. */
  readonly codes?: Labels<string>;
}

type FieldTable<T> = { readonly [F in keyof T]-?: FieldWords };

export const RECORD_FIELDS = {
  kind: { label: '决定类别' },
  documentNumber: { label: '决定文书号' },
  decisionDate: { label: '决定日期', hint: '不得晚于今日，Asia/Shanghai' },
  remarks: { label: '备注' },
} as const satisfies Readonly<Record<string, FieldWords>>;

export const SUBJECT_FIELDS: FieldTable<Subject> = {
  name: { label: '行政相对人名称' },
  category: { label: '行政相对人类别' },
  uscc: { label: '统一社会信用代码' },
  businessRegNo: { label: '工商注册号' },
  orgCode: { label: '组织机构代码' },
  taxNo: { label: '税务登记号' },
  institutionCertNo: { label: '事业单位证书号' },
  socialOrgCertNo: { label: '社会组织登记证号' },
  legalRepresentative: { label: '法定代表人' },
  legalRepresentativeIdType: { label: '法定代表人证件类型' },
  legalRepresentativeIdNumber: { label: '法定代表人证件号码' },
  idType: { label: '证件类型', hint: '自然人' },
  idNumber: { label: '证件号码', hint: '自然人' },
};

/** What the other eight kinds share: what was decided, on what basis. */
const CONTENT = { label: '决定内容' } as const;
const BASIS = { label: '依据' } as const;
const AMOUNT = { label: '金额（万元）' } as const;

export const DETAIL_FIELDS: { readonly [K in RecordKind]: FieldTable<KindDetails[K]> } = {
  penalty: {
    violationType: { label: '违法行为类型' },
    facts: { label: '违法事实' },
    basis: { label: '处罚依据' },
    categories: { label: '处罚类别' },
    content: { label: '处罚内容' },
    fineAmount: { label: '罚款金额（万元）' },
    confiscatedAmount: { label: '没收违法所得、没收非法财物的金额（万元）' },
    licenseAffected: { label: '暂扣或吊销证照名称及编号' },
    validUntil: { label: '处罚有效期' },
    severity: { label: '失信程度', codes: SEVERITY_LABELS },
    procedure: { label: '处罚程序', codes: PROCEDURE_LABELS },
    repairable: { label: '可申请信用修复', hint: '默认是；特定严重失信或法律另有规定时为否' },
    sector: {
      label: '所属领域',
      hint: '2023年5月1日至2026年3月31日作出的处罚必填',
      codes: SECTOR_LABELS,
    },
    misconductEndedOn: {
      label: '失信行为终止日期',
      hint: '五年披露上限自此日起算；不填则自处罚决定日期起算',
    },
    publicationEndsOn: { label: '公示截止期', hint: '不填则按法定公示期限计算；不得超过法定最长期限' },
  },
  license: {
    documentName: { label: '行政许可决定文书名称' },
    category: { label: '许可类别' },
    certificateName: { label: '许可证书名称' },
    licenseNumber: { label: '许可编号' },
    content: { label: '许可内容' },
    validFrom: { label: '有效期自' },
    validTo: { label: '有效期至' },
    status: { label: '当前状态', codes: LICENSE_STATUS_LABELS },
  },
  coercion: {
    measure: { label: '强制措施或执行方式', hint: '如查封、扣押、冻结' },
    content: CONTENT,
    basis: BASIS,
    validFrom: { label: '期限自' },
    validTo: { label: '期限至' },
  },
  confirmation: { confirmationType: { label: '确认类别' }, content: CONTENT, basis: BASIS },
  levy: { levyType: { label: '征收项目' }, content: CONTENT, amount: AMOUNT, basis: BASIS },
  payment: { paymentType: { label: '给付类别' }, content: CONTENT, amount: AMOUNT, basis: BASIS },
  ruling: { disputeType: { label: '争议类别' }, content: CONTENT, basis: BASIS },
  compensation: {
    compensationType: { label: '补偿类别' },
    content: CONTENT,
    amount: AMOUNT,
    basis: BASIS,
  },
  reward: {
    rewardType: { label: '奖励形式', hint: '如荣誉称号、奖金' },
    content: CONTENT,
    amount: AMOUNT,
    basis: BASIS,
  },
  inspection: {
    inspectionType: { label: '检查方式' },
    content: CONTENT,
    result: { label: '检查结果' },
    basis: BASIS,
  },
};

/**
 * A field's description for the API document: its label, the hint in brackets, and the words
 * of its codes after a colon (失信程度：轻微 / 一般 / 严重). The field is named as a string so
 * that the schemas, whose types the tables above are checked against, can call this.
 */
export function describeField(table: Readonly<Record<string, FieldWords>>, field: string): string {
  const words = table[field];
  if (!words) throw new Error(`the field ${field} has no words in shared/domain/records/fields.ts`);
  const label = words.hint ? `${words.label}（${words.hint}）` : words.label;
  return words.codes ? `${label}：${Object.values(words.codes).join(' / ')}` : label;
}
