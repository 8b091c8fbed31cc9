import * as z from 'zod';
import { COMMITMENT_STATUSES, COMMITMENT_TYPES } from '../domain/commitments/vocabulary.ts';
import { REPORT_FORMATS, REPORT_NUMBER_PATTERN, REPORT_SCOPES } from '../domain/reports/vocabulary.ts';
import { idOut, idParam, instantOut, isoDate, pageOf, paging, uscc, usccOut } from './common.ts';
import { issue } from './issue.ts';
import { MAX_LENGTH } from './limits.ts';
import { line, text } from './text.ts';

/*
 * 信用承诺 and 信用报告: requests and answers.
 */

export const commitmentIdParams = z.strictObject({
  id: idParam('cmt', issue('invalid_commitment_id', '承诺编号格式错误', 'not a commitment id')),
});

const recordId = idParam('rec', issue('invalid_record_id', '记录编号格式错误', 'not a record id'));
const label = z.string().max(40);

export const commitmentBody = z.strictObject({
  type: z.enum(COMMITMENT_TYPES).meta({
    description:
      '承诺类型：approval_substitute 审批替代型 / certification 证明事项型 / voluntary 主动型 / industry_self_discipline 行业自律型。机关可登记向本机关作出的各类承诺；主体只能登记主动型、行业自律型；credit_repair 信用修复型随修复申请自动生成，不能登记',
  }),
  uscc: uscc.meta({ description: '承诺主体的统一社会信用代码' }),
  name: line(MAX_LENGTH.subjectName).meta({ description: '承诺主体名称' }),
  category: z
    .enum(['legal_person', 'individual_business'])
    .default('legal_person')
    .meta({ description: '主体类别：法人及非法人组织 / 个体工商户' }),
  matter: line(MAX_LENGTH.matterName).meta({ description: '承诺事由（所涉事项）' }),
  text: text(MAX_LENGTH.commitment).meta({ description: '承诺内容' }),
  madeOn: isoDate.meta({ description: '承诺日期（不晚于今天）' }),
  receiver: uscc.optional().meta({
    description: '承诺受理单位（机关的统一社会信用代码）：机关登记时为本机关，可不填；主体自行作出时必填',
  }),
  validUntil: isoDate.optional().meta({ description: '有效期至（含当日；不填为长期）' }),
  recordId: recordId.optional().meta({ description: '作出承诺所涉的本系统记录（如告知承诺办理的行政许可）' }),
});

export const verificationBody = z.strictObject({
  finding: text(MAX_LENGTH.decisionReason).meta({ description: '核查情况（承诺属实）' }),
});

export const breachBody = z.strictObject({
  finding: text(MAX_LENGTH.decisionReason).meta({ description: '失信（未履约）的认定情况' }),
  recordId: recordId.optional().meta({ description: '因未履约作出的决定在本系统的记录（如行政处罚）' }),
});

export const commitmentListQuery = z.strictObject({
  uscc: uscc.meta({ description: '承诺主体的统一社会信用代码' }),
  ...paging,
});

export const agencyCommitmentQuery = z.strictObject({
  status: z.enum(COMMITMENT_STATUSES).optional(),
  ...paging,
});

const breachOut = z.object({
  finding: z.string().max(MAX_LENGTH.decisionReason),
  on: instantOut,
  recordId: idOut('rec').optional().meta({ description: '由此作出的决定（记录编号）' }),
});

const publicFields = {
  id: idOut('cmt'),
  type: z.enum(COMMITMENT_TYPES),
  typeLabel: label,
  subject: z.object({ uscc: usccOut, name: z.string().max(MAX_LENGTH.subjectName) }),
  matter: z.string().max(MAX_LENGTH.matterName),
  text: z.string().max(MAX_LENGTH.commitment),
  madeOn: isoDate,
  receiver: usccOut.meta({ description: '承诺受理单位' }),
  validUntil: isoDate.optional(),
  status: z.enum(COMMITMENT_STATUSES),
  statusLabel: label.meta({ description: '履约状态：履约中 / 已履约 / 未履约' }),
  verified: z.boolean().meta({ description: '受理单位已核查' }),
  recordId: idOut('rec').optional(),
  breach: breachOut.optional(),
  keptOn: isoDate.optional(),
};

export const publicCommitmentResponse = z
  .object(publicFields)
  .meta({ id: 'PublicCommitment', description: '信用承诺（公示）' });
export const publicCommitmentPage = pageOf(publicCommitmentResponse);

export const commitmentCaseResponse = z
  .object({
    ...publicFields,
    subject: z.object({
      uscc: usccOut,
      name: z.string().max(MAX_LENGTH.subjectName),
      category: z.enum(['legal_person', 'individual_business']),
    }),
    registeredBy: z.enum(['agency', 'entity', 'repair']),
    repairId: idOut('rep').optional(),
    verification: z.object({
      due: isoDate,
      dueAt: instantOut,
      at: instantOut.optional(),
      finding: z.string().max(MAX_LENGTH.decisionReason).optional(),
      late: z.boolean().optional(),
    }),
    escalatedAt: instantOut.optional(),
    createdAt: instantOut,
  })
  .meta({ id: 'CommitmentCase', description: '信用承诺（受理单位与承诺主体可见的全部内容）' });
export const commitmentCasePage = pageOf(commitmentCaseResponse);

// ---- 信用报告 ----

const numberFormat = issue(
  'invalid_report_number',
  '报告编号格式应为 XYBG-年月日-8位字母数字',
  'a report number looks like XYBG-20261205-7KQ3M9XA',
);

export const reportNumberParams = z.strictObject({
  number: z.string().max(30, numberFormat).regex(REPORT_NUMBER_PATTERN, numberFormat),
});

export const reportBody = z.strictObject({
  uscc: uscc.meta({ description: '报告主体的统一社会信用代码（主体只能为本主体生成）' }),
  scope: z.enum(REPORT_SCOPES).meta({
    description: 'public 公共信用信息报告 / special 专项信用报告（仅主体本人，含依法不公示的行政处罚）',
  }),
  checkId: idParam('chk', issue('invalid_check_id', '核查编号格式错误', 'not a check id'))
    .optional()
    .meta({ description: '机关生成时必填：所涉信用核查（应查必查）的编号' }),
});

export const reportFormatQuery = z.strictObject({
  format: z.enum(REPORT_FORMATS).default('pdf').meta({ description: 'pdf（默认）或 html' }),
});

const sha = z
  .string()
  .max(64)
  .regex(/^[0-9a-f]{64}$/);
const fileOut = z.object({ sha256: sha, bytes: z.int().min(0) });

export const reportResponse = z
  .object({
    number: z.string().max(30),
    scope: z.enum(REPORT_SCOPES),
    scopeLabel: label.max(60),
    uscc: usccOut,
    subjectName: z.string().max(MAX_LENGTH.subjectName),
    issuedAt: instantOut,
    verificationCode: z.string().max(24),
    files: z.object({ pdf: fileOut, html: fileOut }),
    counts: z.object({
      records: z.int().min(0),
      unpublished: z.int().min(0),
      entries: z.int().min(0),
      commitments: z.int().min(0),
    }),
    links: z.object({ pdf: z.string().max(200), html: z.string().max(200), verify: z.string().max(200) }),
  })
  .meta({ id: 'CreditReport', description: '已出具的信用报告（编号、时间、核验码和文件摘要）' });
export const reportPage = pageOf(reportResponse);

export const reportVerificationResponse = z
  .object({
    exists: z.literal(true),
    number: z.string().max(30),
    scope: z.enum(REPORT_SCOPES),
    scopeLabel: label.max(60),
    issuedAt: instantOut,
    sha256: sha.meta({ description: 'PDF 文件的 SHA-256' }),
    files: z.object({ pdf: fileOut, html: fileOut }),
  })
  .meta({
    id: 'ReportVerification',
    description: '信用报告核验：是否存在、范围、出具时间和文件的 SHA-256（不含报告内容）',
  });
