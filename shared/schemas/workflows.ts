import * as z from 'zod';
import {
  OBJECTION_EFFECTS,
  OBJECTION_OUTCOMES,
  OBJECTION_REASONS,
  OBJECTION_STATUSES,
} from '../domain/objections/vocabulary.ts';
import { RECORD_KINDS } from '../domain/records/vocabulary.ts';
import { REPAIR_OUTCOMES, REPAIR_STATUSES } from '../domain/repairs/vocabulary.ts';
import { anyFields, idOut, idParam, instantOut, isoDate, pageOf, paging, usccOut } from './common.ts';
import { issue } from './issue.ts';
import { MAX_EVIDENCE, MAX_LENGTH } from './limits.ts';
import { materialFile, materialFileOut } from './materials.ts';
import { recordVersion } from './records/public-routes.ts';
import { line, link, text } from './text.ts';

const SHA256 = /^[0-9a-f]{64}$/;
const sha256Format = issue(
  'invalid_sha256',
  'sha256 须为 64 位小写十六进制',
  'sha256 must be 64 lower-case hex digits',
);

export const evidence = z
  .array(
    z.strictObject({
      name: line(MAX_LENGTH.evidenceName).meta({ description: '材料名称' }),
      sha256: z
        .string()
        .max(64, { ...sha256Format, abort: true })
        .regex(SHA256, sha256Format)
        .meta({ description: '材料文件的 SHA-256 摘要' }),
      url: link(MAX_LENGTH.evidenceUrl).optional().meta({ description: '材料的 https 地址' }),
      file: materialFile.optional().meta({
        description:
          '材料文件本身：提交后用 POST …/materials/{n}/upload 取得上传链接、上传，再 POST …/materials/{n}/receipt 确认',
      }),
    }),
  )
  .max(MAX_EVIDENCE);

const id = (prefix: string, zh: string) =>
  z.strictObject({
    id: idParam(prefix, issue(`invalid_${prefix}_id`, `${zh}编号格式错误`, `not a ${zh} id`)),
  });

export const objectionIdParams = id('obj', '异议');
export const repairIdParams = id('rep', '信用修复申请');

const recordId = idParam('rec', issue('invalid_record_id', '记录编号格式错误', 'not a record id'));

export const fileObjectionBody = z.strictObject({
  recordId,
  reason: z.enum(OBJECTION_REASONS).meta({
    description:
      '异议事由：内容错误 / 遗漏 / 公示期限 / 修复结果（仅当该记录有不予修复的决定）/ 其他。' +
      ' repair_result needs a refused repair of the record (422 no_repair_result otherwise).',
  }),
  statement: text(MAX_LENGTH.statement).meta({ description: '异议陈述' }),
  evidence: evidence.default([]),
});

export const acceptanceBody = z.strictObject({
  needsOtherUnit: z.boolean().meta({ description: '需要其他单位协助核实（处理时限为 7 个工作日）' }),
});

export const objectionDecisionBody = z
  .strictObject({
    outcome: z.enum(OBJECTION_OUTCOMES),
    reason: text(MAX_LENGTH.decisionReason).meta({ description: '处理理由' }),
    correction: anyFields.optional().meta({ description: '异议成立时要更正的字段（结构同登记）' }),
    revoke: z.boolean().optional().meta({ description: '异议成立时撤销该记录' }),
  })
  .superRefine((d, ctx) => {
    const fail = (path: string, code: string, zh: string, en: string) =>
      ctx.addIssue({ code: 'custom', path: [path], ...issue(code, zh, en) });
    if (d.outcome === 'rejected' && (d.correction || d.revoke)) {
      fail(
        'outcome',
        'rejected_with_change',
        '不予支持的异议不能更正或撤销记录',
        'a rejected objection changes nothing',
      );
    }
    if (d.correction && d.revoke) {
      fail(
        'revoke',
        'correction_and_revoke',
        '更正与撤销只能选一',
        'either a correction or a revocation, not both',
      );
    }
    if (d.outcome === 'upheld' && !d.correction && !d.revoke) {
      fail(
        'correction',
        'upheld_without_change',
        '异议成立须更正或撤销记录',
        'an upheld objection corrects or revokes the record',
      );
    }
  });

export const objectionListQuery = z.strictObject({
  status: z.enum(OBJECTION_STATUSES).default('pending'),
  overdue: z.enum(['true', 'false']).optional(),
  ...paging,
});

export const fileRepairBody = z.strictObject({
  recordId,
  commitment: z.strictObject({
    text: text(MAX_LENGTH.commitment).meta({ description: '信用承诺书内容' }),
    signedAt: isoDate.meta({ description: '承诺书签署日期' }),
  }),
  evidence: evidence.min(
    1,
    issue(
      'evidence_required',
      '须提供已履行法定义务的证明材料',
      'proof that the obligations were met is required',
    ),
  ),
});

export const repairDecisionBody = z.strictObject({
  outcome: z.enum(REPAIR_OUTCOMES),
  reason: text(MAX_LENGTH.decisionReason).meta({ description: '决定理由' }),
});

export const repairListQuery = z.strictObject({
  status: z.enum(REPAIR_STATUSES).default('pending'),
  overdue: z.enum(['true', 'false']).optional(),
  ...paging,
});

const deadline = z.object({ dueAt: instantOut, due: isoDate, provisional: z.boolean() });

const recordSummary = z
  .object({
    kind: z.enum(RECORD_KINDS),
    documentNumber: z.string().max(MAX_LENGTH.documentNumber),
    decisionDate: isoDate,
    subjectName: z.string().max(MAX_LENGTH.subjectName),
  })
  .meta({ description: '提出时记录的概要' });

export const evidenceOut = z
  .array(
    z.object({
      name: z.string().max(MAX_LENGTH.evidenceName),
      sha256: z.string().max(64).regex(SHA256),
      url: z.string().max(MAX_LENGTH.evidenceUrl).meta({ format: 'uri' }).optional(),
      file: materialFileOut.optional(),
    }),
  )
  .max(MAX_EVIDENCE);

const decisionReason = z.string().max(MAX_LENGTH.decisionReason);

/** Who filed: an entity (named by `entity`) or a natural person (never named in an answer). */
const filer = z
  .enum(['entity', 'person'])
  .meta({ description: '提出人：entity 企业等主体 / person 自然人本人' });
const filerEntity = usccOut
  .optional()
  .meta({ description: '提出异议或申请的主体的统一社会信用代码（自然人提出的没有）' });

export const objectionResponse = z
  .object({
    id: idOut('obj'),
    recordId: idOut('rec'),
    record: recordSummary,
    filer,
    entity: filerEntity,
    agency: usccOut,
    reason: z.enum(OBJECTION_REASONS),
    statement: z.string().max(MAX_LENGTH.statement),
    evidence: evidenceOut,
    status: z.enum(OBJECTION_STATUSES),
    filedAt: instantOut,
    needsOtherUnit: z.boolean(),
    acceptedAt: instantOut.optional(),
    deadline,
    dueAt: instantOut.meta({ description: '处理时限届满的时刻（Asia/Shanghai 24:00）' }),
    escalatedAt: instantOut.optional(),
    decision: z
      .object({
        outcome: z.enum(OBJECTION_OUTCOMES),
        reason: decisionReason,
        at: instantOut,
        effect: z.enum(OBJECTION_EFFECTS),
        recordVersion: recordVersion.optional(),
      })
      .optional(),
  })
  .meta({ id: 'Objection' });

export const repairResponse = z
  .object({
    id: idOut('rep'),
    recordId: idOut('rec'),
    record: recordSummary,
    filer,
    entity: filerEntity,
    agency: usccOut,
    commitment: z.object({ text: z.string().max(MAX_LENGTH.commitment), signedAt: isoDate }),
    evidence: evidenceOut,
    status: z.enum(REPAIR_STATUSES),
    filedAt: instantOut,
    deadline,
    dueAt: instantOut.meta({ description: '处理时限届满的时刻（Asia/Shanghai 24:00）' }),
    escalatedAt: instantOut.optional(),
    decision: z
      .object({ outcome: z.enum(REPAIR_OUTCOMES), reason: decisionReason, at: instantOut })
      .optional(),
  })
  .meta({ id: 'Repair' });

export const objectionPage = pageOf(objectionResponse);
export const repairPage = pageOf(repairResponse);

/** The service's own words on a decision document (decision-document.ts): a title, a basis. */
const serviceWords = z.string().max(200);

export const decisionDocumentResponse = z.object({
  title: serviceWords,
  repairId: idOut('rep'),
  recordId: idOut('rec'),
  documentNumber: z.string().max(MAX_LENGTH.documentNumber),
  entity: z.object({ name: z.string().max(MAX_LENGTH.subjectName), uscc: usccOut }).optional(),
  person: z
    .object({
      name: z.string().max(MAX_LENGTH.subjectName),
      idNumber: z
        .string()
        .max(18)
        .regex(/^\d{17}[\dX]$/),
    })
    .optional()
    .meta({ description: '自然人本人提出的申请：本人姓名与身份证号码（决定书只发给本人和决定机关）' }),
  agency: usccOut,
  agencyName: z
    .string()
    .max(200)
    .optional()
    .meta({ description: '决定机关名称（作出决定时目录中的名称，落款）' }),
  decidedAt: instantOut,
  signedOn: z.string().max(20).optional().meta({ description: '落款日期（北京时间），如 2026年12月5日' }),
  outcome: z.literal('approved'),
  reason: decisionReason,
  basis: serviceWords,
  verificationCode: z
    .string()
    .max(24)
    .optional()
    .meta({ description: '核验码：任何人可在本站 verify.html 或 GET /v1/verifications/{code} 查验' }),
  hash: z
    .string()
    .max(64)
    .regex(SHA256)
    .meta({ description: '决定书内容（不含本字段）的 SHA-256，用于核验' }),
});
