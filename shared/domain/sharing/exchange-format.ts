import type { RecordInput } from '../../schemas/records/record-input.ts';
import type { Subject } from '../../schemas/records/subject.ts';
import { canonicalJson, sha256 } from '../audit.ts';
import { isUscc } from '../identifiers/uscc.ts';
import { publicationWindow } from '../policy/publication-window.ts';
import type { DisclosureRecord } from '../records/record.ts';
import { visibilityOf } from '../records/visibility.ts';
import { ID_TYPE_LABELS, KIND_LABELS, SUBJECT_CATEGORY_LABELS } from '../records/vocabulary.ts';

/**
 * The national exchange format of 双公示 data (行政许可和行政处罚等信用信息数据标准): the field
 * codes 信用中国 uses, `XK_*` for 行政许可 and `CF_*` for 行政处罚. The other eight kinds have no
 * national code set; they go as `QT_*` (其他行政行为), the same subject fields and a documented
 * equivalent of the decision's fields (docs/upstream.md). One table declares each field: the
 * message is built from it here and the fake upstream validates against it.
 */
export type ExchangeFormat = 'XK' | 'CF' | 'QT';

export interface ExchangeField {
  readonly code: string;
  readonly label: string;
  readonly max: number;
  readonly required?: 'always' | 'organisation' | 'person';
  readonly format?: 'date' | 'uscc' | 'amount';
}

function subjectFields(p: ExchangeFormat): ExchangeField[] {
  return [
    { code: `${p}_XDR_MC`, label: '行政相对人名称', max: 200, required: 'always' },
    { code: `${p}_XDR_LB`, label: '行政相对人类别', max: 16, required: 'always' },
    { code: `${p}_XDR_SHXYM`, label: '统一社会信用代码', max: 18, required: 'organisation', format: 'uscc' },
    { code: `${p}_XDR_GSZC`, label: '工商注册号', max: 50 },
    { code: `${p}_XDR_ZZJG`, label: '组织机构代码', max: 50 },
    { code: `${p}_XDR_SWDJ`, label: '税务登记号', max: 50 },
    { code: `${p}_XDR_SYDW`, label: '事业单位证书号', max: 50 },
    { code: `${p}_XDR_SHZZ`, label: '社会组织登记证号', max: 50 },
    { code: `${p}_FRDB`, label: '法定代表人', max: 50 },
    { code: `${p}_FR_ZJLX`, label: '法定代表人证件类型', max: 64 },
    { code: `${p}_FR_ZJHM`, label: '法定代表人证件号码', max: 64 },
    { code: `${p}_XDR_ZJLX`, label: '证件类型', max: 64, required: 'person' },
    { code: `${p}_XDR_ZJHM`, label: '证件号码', max: 64, required: 'person' },
  ];
}

const DECIDER = (p: ExchangeFormat, who: string): ExchangeField[] => [
  {
    code: p === 'XK' ? 'XK_XKJG' : p === 'CF' ? 'CF_CFJG' : 'QT_JDJG',
    label: who,
    max: 200,
    required: 'always',
  },
  {
    code: p === 'XK' ? 'XK_XKJGDM' : p === 'CF' ? 'CF_CFJGDM' : 'QT_JDJGDM',
    label: `${who}统一社会信用代码`,
    max: 18,
    required: 'always',
    format: 'uscc',
  },
  { code: p === 'XK' ? 'XK_LYDW' : `${p}_SJLY`, label: '数据来源单位', max: 200, required: 'always' },
  {
    code: p === 'XK' ? 'XK_LYDWDM' : `${p}_SJLYDM`,
    label: '数据来源单位统一社会信用代码',
    max: 18,
    required: 'always',
    format: 'uscc',
  },
  { code: 'BZ', label: '备注', max: 512 },
];

export const EXCHANGE_FIELDS: Readonly<Record<ExchangeFormat, readonly ExchangeField[]>> = {
  CF: [
    ...subjectFields('CF'),
    { code: 'CF_WSH', label: '行政处罚决定书文号', max: 128, required: 'always' },
    { code: 'CF_WFXW', label: '违法行为类型', max: 2000, required: 'always' },
    { code: 'CF_SY', label: '违法事实', max: 5000, required: 'always' },
    { code: 'CF_YJ', label: '处罚依据', max: 2048, required: 'always' },
    { code: 'CF_CFLB', label: '处罚类别', max: 256, required: 'always' },
    { code: 'CF_NR', label: '处罚内容', max: 4000, required: 'always' },
    { code: 'CF_NR_FK', label: '罚款金额（万元）', max: 20, format: 'amount' },
    { code: 'CF_NR_WFFF', label: '没收违法所得、没收非法财物的金额（万元）', max: 20, format: 'amount' },
    { code: 'CF_NR_ZKDX', label: '暂扣或吊销证照名称及编号', max: 200 },
    { code: 'CF_JDRQ', label: '处罚决定日期', max: 10, required: 'always', format: 'date' },
    { code: 'CF_YXQ', label: '处罚有效期', max: 10, format: 'date' },
    { code: 'CF_GSJZQ', label: '公示截止期', max: 10, format: 'date' },
    ...DECIDER('CF', '处罚机关'),
  ],
  XK: [
    ...subjectFields('XK'),
    { code: 'XK_XKWS', label: '行政许可决定文书名称', max: 64, required: 'always' },
    { code: 'XK_WSH', label: '行政许可决定文书号', max: 64, required: 'always' },
    { code: 'XK_XKLB', label: '许可类别', max: 256, required: 'always' },
    { code: 'XK_XKZS', label: '许可证书名称', max: 64 },
    { code: 'XK_XKBH', label: '许可编号', max: 64 },
    { code: 'XK_NR', label: '许可内容', max: 4000, required: 'always' },
    { code: 'XK_JDRQ', label: '许可决定日期', max: 10, required: 'always', format: 'date' },
    { code: 'XK_YXQZ', label: '有效期自', max: 10, required: 'always', format: 'date' },
    { code: 'XK_YXQZI', label: '有效期至', max: 10, required: 'always', format: 'date' },
    { code: 'XK_ZT', label: '当前状态', max: 1, required: 'always' },
    ...DECIDER('XK', '许可机关'),
  ],
  QT: [
    ...subjectFields('QT'),
    { code: 'QT_XWLB', label: '行政行为类别', max: 16, required: 'always' },
    { code: 'QT_WSH', label: '决定文书号', max: 128, required: 'always' },
    {
      code: 'QT_LB',
      label: '行为种类（强制措施、确认、征收、给付、裁决、补偿、奖励、检查的类型）',
      max: 100,
      required: 'always',
    },
    { code: 'QT_NR', label: '决定内容', max: 4000, required: 'always' },
    { code: 'QT_YJ', label: '依据', max: 2048 },
    { code: 'QT_JE', label: '金额（万元）', max: 20, format: 'amount' },
    { code: 'QT_JG', label: '检查结果', max: 200 },
    { code: 'QT_YXQZ', label: '有效期自', max: 10, format: 'date' },
    { code: 'QT_YXQZI', label: '有效期至', max: 10, format: 'date' },
    { code: 'QT_JDRQ', label: '决定日期', max: 10, required: 'always', format: 'date' },
    ...DECIDER('QT', '决定机关'),
  ],
};

export function formatOf(kind: RecordInput['kind']): ExchangeFormat {
  return kind === 'penalty' ? 'CF' : kind === 'license' ? 'XK' : 'QT';
}

type Fields = Record<string, string>;

function subjectValues(p: ExchangeFormat, s: Subject): Fields {
  return {
    [`${p}_XDR_MC`]: s.name,
    [`${p}_XDR_LB`]: SUBJECT_CATEGORY_LABELS[s.category],
    ...(s.uscc ? { [`${p}_XDR_SHXYM`]: s.uscc } : {}),
    ...(s.businessRegNo ? { [`${p}_XDR_GSZC`]: s.businessRegNo } : {}),
    ...(s.orgCode ? { [`${p}_XDR_ZZJG`]: s.orgCode } : {}),
    ...(s.taxNo ? { [`${p}_XDR_SWDJ`]: s.taxNo } : {}),
    ...(s.institutionCertNo ? { [`${p}_XDR_SYDW`]: s.institutionCertNo } : {}),
    ...(s.socialOrgCertNo ? { [`${p}_XDR_SHZZ`]: s.socialOrgCertNo } : {}),
    ...(s.legalRepresentative ? { [`${p}_FRDB`]: s.legalRepresentative } : {}),
    ...(s.legalRepresentativeIdType ? { [`${p}_FR_ZJLX`]: ID_TYPE_LABELS[s.legalRepresentativeIdType] } : {}),
    ...(s.legalRepresentativeIdNumber ? { [`${p}_FR_ZJHM`]: s.legalRepresentativeIdNumber } : {}),
    ...(s.idType ? { [`${p}_XDR_ZJLX`]: ID_TYPE_LABELS[s.idType] } : {}),
    ...(s.idNumber ? { [`${p}_XDR_ZJHM`]: s.idNumber } : {}),
  };
}

const amount = (n: number | undefined) => (n === undefined ? undefined : String(n));
const defined = (fields: Record<string, string | undefined>): Fields =>
  Object.fromEntries(
    Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );

/** The decision's own fields, by kind. */
function decisionValues(content: RecordInput): Fields {
  switch (content.kind) {
    case 'penalty': {
      const p = content.penalty;
      return defined({
        CF_WSH: content.documentNumber,
        CF_WFXW: p.violationType,
        CF_SY: p.facts,
        CF_YJ: p.basis,
        CF_CFLB: p.categories.join(';'),
        CF_NR: p.content,
        CF_NR_FK: amount(p.fineAmount),
        CF_NR_WFFF: amount(p.confiscatedAmount),
        CF_NR_ZKDX: p.licenseAffected,
        CF_JDRQ: content.decisionDate,
        CF_YXQ: p.validUntil,
        CF_GSJZQ: publicationWindow(content.decisionDate, p)?.publishedUntil,
      });
    }
    case 'license': {
      const l = content.license;
      return defined({
        XK_XKWS: l.documentName,
        XK_WSH: content.documentNumber,
        XK_XKLB: l.category,
        XK_XKZS: l.certificateName,
        XK_XKBH: l.licenseNumber,
        XK_NR: l.content,
        XK_JDRQ: content.decisionDate,
        XK_YXQZ: l.validFrom,
        XK_YXQZI: l.validTo,
        // The standard's codes: 1 有效, 2 无效.
        XK_ZT: l.status === 'valid' ? '1' : '2',
      });
    }
    default: {
      const d = (content as unknown as Record<string, Record<string, unknown>>)[content.kind] ?? {};
      const type = Object.entries(d).find(([k]) => TYPE_FIELDS.has(k))?.[1];
      return defined({
        QT_XWLB: KIND_LABELS[content.kind],
        QT_WSH: content.documentNumber,
        QT_LB: typeof type === 'string' ? type : undefined,
        QT_NR: d.content as string | undefined,
        QT_YJ: d.basis as string | undefined,
        QT_JE: amount(d.amount as number | undefined),
        QT_JG: d.result as string | undefined,
        QT_YXQZ: d.validFrom as string | undefined,
        QT_YXQZI: d.validTo as string | undefined,
        QT_JDRQ: content.decisionDate,
      });
    }
  }
}

/** Each of the other eight kinds names its type in one field (kind-details.ts). */
const TYPE_FIELDS = new Set([
  'measure',
  'confirmationType',
  'levyType',
  'paymentType',
  'disputeType',
  'compensationType',
  'rewardType',
  'inspectionType',
]);

function deciderValues(p: ExchangeFormat, agency: { uscc: string; name: string }): Fields {
  return p === 'XK'
    ? { XK_XKJG: agency.name, XK_XKJGDM: agency.uscc, XK_LYDW: agency.name, XK_LYDWDM: agency.uscc }
    : p === 'CF'
      ? { CF_CFJG: agency.name, CF_CFJGDM: agency.uscc, CF_SJLY: agency.name, CF_SJLYDM: agency.uscc }
      : { QT_JDJG: agency.name, QT_JDJGDM: agency.uscc, QT_SJLY: agency.name, QT_SJLYDM: agency.uscc };
}

/**
 * What the upstream should hold of a record: the record in the exchange format (`upsert`), its
 * withdrawal (`delete`, after a revocation or the end of its publication), or nothing for a
 * record never published. Natural persons' and other records the public may not see are shared
 * too (条例 第20条: by government sharing), marked `public: false` so the platform does not
 * show them. The agency's name is read when the message is sent (the directory's name).
 */
export interface UpstreamIntent {
  readonly recordId: string;
  readonly agency: string;
  readonly format: ExchangeFormat;
  readonly operation: 'upsert' | 'delete';
  /** SHA-256 of what the message says, without the agency's name: a change of it is a new message. */
  readonly digest: string;
}

export function upstreamIntentOf(record: DisclosureRecord): UpstreamIntent | undefined {
  if (!record.publication) return undefined;
  const operation = record.status === 'published' && !record.publicationEnd ? 'upsert' : 'delete';
  const format = formatOf(record.content.kind);
  const body = messageBody(record, operation, { uscc: record.authority.uscc, name: '' });
  return {
    recordId: record.id,
    agency: record.authority.uscc,
    format,
    operation,
    digest: sha256(canonicalJson(body)),
  };
}

export const DELETE_REASONS = {
  revoked: '决定已撤销',
  expired: '公示期满',
  repaired: '信用修复，停止公示',
} as const;

function messageBody(
  record: DisclosureRecord,
  operation: 'upsert' | 'delete',
  agency: { uscc: string; name: string },
) {
  const p = formatOf(record.content.kind);
  const all = {
    ...subjectValues(p, record.content.subject),
    ...decisionValues(record.content),
    ...deciderValues(p, agency),
    ...(record.content.remarks ? { BZ: record.content.remarks } : {}),
  };
  if (operation === 'upsert')
    return { operation, format: p, public: visibilityOf(record.content).public, fields: all };
  const reason =
    record.status === 'revoked'
      ? DELETE_REASONS.revoked
      : DELETE_REASONS[record.publicationEnd?.reason ?? 'expired'];
  const keys = [`${p}_WSH`, `${p}_XDR_SHXYM`, `${p}_XDR_ZJHM`, 'CF_JDRQ', 'XK_JDRQ', 'QT_JDRQ'];
  return {
    operation,
    format: p,
    reason,
    fields: Object.fromEntries(Object.entries(all).filter(([k]) => keys.includes(k))),
  };
}

export interface UpstreamMessage {
  /** The same for the same content: the upstream keeps one receipt per id, however often it comes. */
  readonly messageId: string;
  readonly recordId: string;
  readonly operation: 'upsert' | 'delete';
  readonly format: ExchangeFormat;
  readonly public?: boolean;
  readonly reason?: string;
  readonly digest: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** The message that carries `intent`, with the deciding agency's name from the directory. */
export function upstreamMessage(
  record: DisclosureRecord,
  intent: UpstreamIntent,
  agencyName: string,
): UpstreamMessage {
  const body = messageBody(record, intent.operation, { uscc: record.authority.uscc, name: agencyName });
  return {
    messageId: `${record.id}:${intent.digest.slice(0, 16)}`,
    recordId: record.id,
    digest: intent.digest,
    ...body,
  };
}

/** A field of a message the format refuses, with why: what the upstream answers. */
export interface FieldProblem {
  readonly field: string;
  readonly problem: string;
}

/** Checks an upsert's fields against the format's table (required, length, date, USCC, amount). */
export function fieldProblems(
  format: ExchangeFormat,
  fields: Readonly<Record<string, string>>,
  isPerson: boolean,
): FieldProblem[] {
  const table = EXCHANGE_FIELDS[format];
  const known = new Set(table.map((f) => f.code));
  const problems: FieldProblem[] = Object.keys(fields)
    .filter((k) => !known.has(k))
    .map((field) => ({ field, problem: '未知字段' }));
  for (const f of table) {
    const value = fields[f.code];
    const required =
      f.required === 'always' ||
      (f.required === 'organisation' && !isPerson) ||
      (f.required === 'person' && isPerson);
    if (value === undefined || value === '') {
      if (required) problems.push({ field: f.code, problem: `${f.label}必填` });
      continue;
    }
    if ([...value].length > f.max) problems.push({ field: f.code, problem: `${f.label}超过 ${f.max} 字` });
    if (f.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
      problems.push({ field: f.code, problem: `${f.label}须为 YYYY-MM-DD` });
    if (f.format === 'uscc' && !isUscc(value))
      problems.push({ field: f.code, problem: `${f.label}校验不通过` });
    if (f.format === 'amount' && !/^\d+(\.\d{1,6})?$/.test(value))
      problems.push({ field: f.code, problem: `${f.label}须为万元金额，至多 6 位小数` });
  }
  return problems;
}
