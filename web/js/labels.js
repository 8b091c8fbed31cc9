/*
 * Chinese labels for the API's codes and field names, taken from the descriptions in the
 * OpenAPI document (the national data standard's wording). A code the API adds later and
 * this table does not know yet is shown as it comes, never hidden.
 */

export const KIND_LABELS = {
  license: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  confirmation: '行政确认',
  levy: '行政征收',
  payment: '行政给付',
  ruling: '行政裁决',
  compensation: '行政补偿',
  reward: '行政奖励',
  inspection: '行政监督检查',
};

export const SUBJECT_CATEGORIES = {
  legal_person: '法人及非法人组织',
  individual_business: '个体工商户',
  natural_person: '自然人',
};

/** The subject's public fields, in the standard's order. */
export const SUBJECT_FIELDS = [
  ['name', '行政相对人名称'],
  ['category', '行政相对人类别'],
  ['uscc', '统一社会信用代码'],
  ['businessRegNo', '工商注册号'],
  ['orgCode', '组织机构代码'],
  ['taxNo', '税务登记号'],
  ['institutionCertNo', '事业单位证书号'],
  ['socialOrgCertNo', '社会组织登记证号'],
];

const CONTENT = ['content', '决定内容'];
const BASIS = ['basis', '依据'];
const AMOUNT = ['amount', '金额（万元）'];

/** The fields of each kind's details, in the order a reader expects them. */
export const DETAIL_FIELDS = {
  penalty: [
    ['violationType', '违法行为类型'],
    ['facts', '违法事实'],
    ['basis', '处罚依据'],
    ['categories', '处罚类别'],
    ['content', '处罚内容'],
    ['fineAmount', '罚款金额（万元）'],
    ['confiscatedAmount', '没收违法所得、没收非法财物的金额（万元）'],
    ['licenseAffected', '暂扣或吊销证照名称及编号'],
    ['validUntil', '处罚有效期'],
    ['severity', '失信程度'],
    ['procedure', '处罚程序'],
    ['repairable', '可申请信用修复'],
  ],
  license: [
    ['documentName', '行政许可决定文书名称'],
    ['category', '许可类别'],
    ['certificateName', '许可证书名称'],
    ['licenseNumber', '许可编号'],
    ['content', '许可内容'],
    ['validFrom', '有效期自'],
    ['validTo', '有效期至'],
    ['status', '当前状态'],
  ],
  coercion: [
    ['measure', '强制措施或执行方式'],
    CONTENT,
    BASIS,
    ['validFrom', '期限自'],
    ['validTo', '期限至'],
  ],
  confirmation: [['confirmationType', '确认类别'], CONTENT, BASIS],
  levy: [['levyType', '征收项目'], CONTENT, AMOUNT, BASIS],
  payment: [['paymentType', '给付类别'], CONTENT, AMOUNT, BASIS],
  ruling: [['disputeType', '争议类别'], CONTENT, BASIS],
  compensation: [['compensationType', '补偿类别'], CONTENT, AMOUNT, BASIS],
  reward: [['rewardType', '奖励形式'], CONTENT, AMOUNT, BASIS],
  inspection: [['inspectionType', '检查方式'], CONTENT, ['result', '检查结果'], BASIS],
};

/** Codes inside details that have words of their own. */
const DETAIL_VALUES = {
  severity: { minor: '轻微', general: '一般', serious: '严重' },
  procedure: { ordinary: '普通程序', simplified: '简易程序' },
  status: { valid: '有效', invalid: '无效' },
};

/** A detail value as a reader should see it: codes in words, lists joined, yes/no. */
export function detailValueText(key, value) {
  if (Array.isArray(value)) return value.map((v) => detailValueText(key, v)).join('、');
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return DETAIL_VALUES[key]?.[value] ?? String(value);
}

const TOP_FIELDS = {
  documentNumber: '决定文书号',
  decisionDate: '决定日期',
  remarks: '备注',
  kind: '决定类别',
};

/** A changed field of the version history (`penalty.fineAmount`) in words. */
export function changedFieldLabel(path) {
  const [head, key] = String(path).split('.');
  if (key === undefined) return TOP_FIELDS[head] ?? head;
  if (head === 'subject') return SUBJECT_FIELDS.find(([k]) => k === key)?.[1] ?? key;
  return DETAIL_FIELDS[head]?.find(([k]) => k === key)?.[1] ?? key;
}

export const OBJECTION_REASONS = {
  content_error: '公示内容有误',
  omission: '信息遗漏',
  period: '公示期限有误',
  repair_result: '对信用修复结果有异议',
  other: '其他',
};

export const OBJECTION_STATUS = { pending: '处理中', decided: '已处理' };
export const OBJECTION_OUTCOMES = { upheld: '异议成立', rejected: '异议不成立' };
export const OBJECTION_EFFECTS = {
  corrected: '公示信息已更正',
  revoked: '公示信息已撤销',
  none: '公示信息不变',
};

export const REPAIR_STATUS = { pending: '审核中', approved: '已同意修复', rejected: '未予修复' };

export const ROLES = { entity: '行政相对人', agency: '行政机关', admin: '信用管理部门' };

/** A code's label, or the code itself when the table does not know it. */
export const labelOf = (table, code) => table[code] ?? String(code ?? '');
