import * as z from 'zod';
import {
  OBJECTION_EFFECTS,
  OBJECTION_OUTCOMES,
  OBJECTION_REASONS,
  OBJECTION_STATUSES,
} from '../domain/objections/vocabulary.ts';
import { REPAIR_OUTCOMES, REPAIR_STATUSES } from '../domain/repairs/vocabulary.ts';
import { anyFields, isoDate, pageOf, paging } from './common.ts';
import { issue } from './issue.ts';
import { line, link, text } from './text.ts';

const evidence = z
  .array(
    z.strictObject({
      name: line(200).meta({ description: '材料名称' }),
      sha256: z
        .string()
        .regex(
          /^[0-9a-f]{64}$/,
          issue('invalid_sha256', 'sha256 须为 64 位小写十六进制', 'sha256 must be 64 lower-case hex digits'),
        )
        .meta({ description: '材料文件的 SHA-256 摘要' }),
      url: link(1000).optional().meta({ description: '材料的 https 地址' }),
    }),
  )
  .max(20);

const id = (prefix: string, zh: string) =>
  z.strictObject({
    id: z
      .string()
      .regex(
        new RegExp(`^${prefix}_[0-9a-hjkmnp-tv-z]{26}$`),
        issue(`invalid_${prefix}_id`, `${zh}编号格式错误`, `not a ${zh} id`),
      ),
  });

export const objectionIdParams = id('obj', '异议');
export const repairIdParams = id('rep', '信用修复申请');

const recordId = z
  .string()
  .regex(/^rec_[0-9a-hjkmnp-tv-z]{26}$/, issue('invalid_record_id', '记录编号格式错误', 'not a record id'));

export const fileObjectionBody = z.strictObject({
  recordId,
  reason: z.enum(OBJECTION_REASONS).meta({
    description:
      '异议事由：内容错误 / 遗漏 / 公示期限 / 修复结果（仅当该记录有不予修复的决定）/ 其他。' +
      ' repair_result needs a refused repair of the record (422 no_repair_result otherwise).',
  }),
  statement: text(4000).meta({ description: '异议陈述' }),
  evidence: evidence.default([]),
});

export const acceptanceBody = z.strictObject({
  needsOtherUnit: z.boolean().meta({ description: '需要其他单位协助核实（处理时限为 7 个工作日）' }),
});

export const objectionDecisionBody = z
  .strictObject({
    outcome: z.enum(OBJECTION_OUTCOMES),
    reason: text(2000).meta({ description: '处理理由' }),
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
    text: text(4000).meta({ description: '信用承诺书内容' }),
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
  reason: text(2000).meta({ description: '决定理由' }),
});

export const repairListQuery = z.strictObject({
  status: z.enum(REPAIR_STATUSES).default('pending'),
  overdue: z.enum(['true', 'false']).optional(),
  ...paging,
});

const deadline = z.object({ dueAt: z.string(), due: isoDate, provisional: z.boolean() });

const recordSummary = z
  .object({ kind: z.string(), documentNumber: z.string(), decisionDate: isoDate, subjectName: z.string() })
  .meta({ description: '提出时记录的概要' });

export const objectionResponse = z
  .object({
    id: z.string(),
    recordId: z.string(),
    record: recordSummary,
    entity: z.string(),
    agency: z.string(),
    reason: z.enum(OBJECTION_REASONS),
    statement: z.string(),
    evidence: z.array(z.object({ name: z.string(), sha256: z.string(), url: z.string().optional() })),
    status: z.enum(OBJECTION_STATUSES),
    filedAt: z.string(),
    needsOtherUnit: z.boolean(),
    acceptedAt: z.string().optional(),
    deadline,
    dueAt: z.string().meta({ description: '处理时限届满的时刻（Asia/Shanghai 24:00）' }),
    escalatedAt: z.string().optional(),
    decision: z
      .object({
        outcome: z.enum(OBJECTION_OUTCOMES),
        reason: z.string(),
        at: z.string(),
        effect: z.enum(OBJECTION_EFFECTS),
        recordVersion: z.number().int().optional(),
      })
      .optional(),
  })
  .meta({ id: 'Objection' });

export const repairResponse = z
  .object({
    id: z.string(),
    recordId: z.string(),
    record: recordSummary,
    entity: z.string(),
    agency: z.string(),
    commitment: z.object({ text: z.string(), signedAt: isoDate }),
    evidence: z.array(z.object({ name: z.string(), sha256: z.string(), url: z.string().optional() })),
    status: z.enum(REPAIR_STATUSES),
    filedAt: z.string(),
    deadline,
    dueAt: z.string().meta({ description: '处理时限届满的时刻（Asia/Shanghai 24:00）' }),
    escalatedAt: z.string().optional(),
    decision: z.object({ outcome: z.enum(REPAIR_OUTCOMES), reason: z.string(), at: z.string() }).optional(),
  })
  .meta({ id: 'Repair' });

export const objectionPage = pageOf(objectionResponse);
export const repairPage = pageOf(repairResponse);

export const decisionDocumentResponse = z.object({
  title: z.string(),
  repairId: z.string(),
  recordId: z.string(),
  documentNumber: z.string(),
  entity: z.object({ name: z.string(), uscc: z.string() }),
  agency: z.string(),
  decidedAt: z.string(),
  outcome: z.literal('approved'),
  reason: z.string(),
  basis: z.string(),
  hash: z.string().meta({ description: '决定书内容（不含本字段）的 SHA-256，用于核验' }),
});
