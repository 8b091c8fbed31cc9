/**
 * What the public (and an entity reading its own records) sends and gets back. Kept apart from
 * agency-routes.ts so that the public functions do not build the record input schemas.
 */
import * as z from 'zod';
import { DETAIL_FIELDS, RECORD_FIELDS, SUBJECT_FIELDS } from '../../domain/records/fields.ts';
import { MASK } from '../../domain/records/masking.ts';
import { MAX_VERSIONS } from '../../domain/records/transitions.ts';
import { KIND_LABELS, RECORD_KINDS, SUBJECT_CATEGORIES } from '../../domain/records/vocabulary.ts';
import { AGENCY_NAME_MAX } from '../agencies.ts';
import { fieldMap, idOut, idParam, instantOut, isoDate, pageOf, paging, uscc, usccOut } from '../common.ts';
import { issue } from '../issue.ts';
import { MAX_LENGTH, MAX_RECORD_REASON_LENGTH } from '../limits.ts';
import { line } from '../text.ts';
import { publicationPeriodOut } from './publication-period.ts';

export const recordIdParams = z.strictObject({
  id: idParam('rec', issue('invalid_record_id', '记录编号格式错误', 'not a record id')).meta({
    description: '记录编号 / record id',
  }),
});

/** A record's version: 1 when registered, one more for each correction, at most MAX_VERSIONS. */
export const recordVersion = z.number().int().min(1).max(MAX_VERSIONS);

/**
 * Every path a correction can change (record.ts, changedFields): a field of the record, of its
 * subject or of one kind's details (the field tables name each, fields.ts), or a kind's whole
 * details object when the kind itself changed.
 */
const FIELD_PATHS = [
  ...Object.keys(RECORD_FIELDS),
  ...Object.keys(SUBJECT_FIELDS).map((f) => `subject.${f}`),
  ...RECORD_KINDS.flatMap((kind) => [kind, ...Object.keys(DETAIL_FIELDS[kind]).map((f) => `${kind}.${f}`)]),
];
const changedFieldList = z
  .array(z.string().max(Math.max(...FIELD_PATHS.map((p) => p.length))))
  .max(FIELD_PATHS.length);

export const publicSearchQuery = z
  .strictObject({
    uscc: uscc.optional(),
    name: line(100)
      .refine(
        (n) => Array.from(n.replace(/\s+/g, '')).length >= 2,
        issue('name_too_short', '名称至少输入 2 个字', 'name needs at least 2 characters'),
      )
      .optional()
      .meta({ description: '行政相对人名称中的任意部分（至少 2 个字）' }),
    agency: uscc.optional().meta({ description: '决定机关统一社会信用代码' }),
    kind: z.enum(RECORD_KINDS).optional(),
    from: isoDate.optional().meta({ description: '决定日期自' }),
    to: isoDate.optional().meta({ description: '决定日期至' }),
    ...paging,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    ...issue('invalid_range', '起始日期不能晚于截止日期', 'from must not be after to'),
    path: ['to'],
  });

/**
 * A public text after masking (masking.ts): a masked stretch is at least two characters (a
 * name; numbers and addresses are longer) and becomes MASK, so a text can grow by at most
 * MASK's length over two.
 */
export const MAX_MASKING_GROWTH = Math.ceil([...MASK].length / 2);
const masked = (max: number) => z.string().max(max * MAX_MASKING_GROWTH);

const code = z.string().max(MAX_LENGTH.code);
const publicSubject = z.object({
  category: z.enum(SUBJECT_CATEGORIES),
  name: masked(MAX_LENGTH.subjectName),
  uscc: usccOut.optional(),
  businessRegNo: code.optional(),
  orgCode: code.optional(),
  taxNo: code.optional(),
  institutionCertNo: code.optional(),
  socialOrgCertNo: code.optional(),
});

/** One correction in a record's history: its version, when, why and which fields changed. */
export const historyEntry = z.object({
  version: recordVersion,
  at: instantOut,
  reason: masked(MAX_RECORD_REASON_LENGTH),
  changedFields: changedFieldList,
});

/** A record's corrections, one entry each: at most one fewer than its versions. */
export function historyOf<T extends z.ZodType>(entry: T) {
  return z.array(entry).max(MAX_VERSIONS - 1);
}

/**
 * The authority that decided: its code and, once the agency is in the directory
 * (GET /v1/agencies), its name (处罚机关 / 许可机关).
 */
export const authorityOut = z
  .object({
    uscc: usccOut,
    name: z.string().max(Math.max(MAX_LENGTH.subjectName, AGENCY_NAME_MAX)).optional(),
  })
  .meta({ description: '决定机关：统一社会信用代码与名称（名录中有时）/ the deciding body: code and name' });

/** A record as the public sees it; see shared/domain/records/public-view.ts. */
export const publicRecordResponse = z
  .object({
    id: idOut('rec'),
    kind: z.enum(RECORD_KINDS),
    kindLabel: z.enum(Object.values(KIND_LABELS) as [string, ...string[]]),
    documentNumber: masked(MAX_LENGTH.documentNumber),
    decisionDate: isoDate,
    remarks: masked(MAX_LENGTH.remarks).optional(),
    subject: publicSubject,
    authority: authorityOut,
    details: fieldMap,
    publishedAt: instantOut,
    summary: z
      .string()
      .max(101)
      .optional()
      .meta({ description: '决定内容摘要（处罚内容、许可内容等，一行，至多 100 字）' }),
    disclosureDeadline: z
      .object({
        due: isoDate.meta({ description: '法定公示期限：决定日期 + 7 个工作日（按工作日历，含调休、补假）' }),
        provisional: z.boolean().meta({
          description:
            '期限所在年度的放假安排尚未公布：按法定节假日及补假计算，未含调休；公布后，尚未公示的记录期限随之重算',
        }),
        workingDays: z.number().int().min(1).max(30),
      })
      .meta({ description: '公示期限' }),
    publication: z
      .object({
        at: instantOut,
        onTime: z.boolean().meta({ description: '是否在公示期限内公示' }),
        workingDaysLate: z
          .number()
          .int()
          .min(0)
          .max(10_000)
          .meta({ description: '逾期公示的工作日数（按时为 0）' }),
      })
      .optional()
      .meta({ description: '公示时间与是否按时' }),
    publicationEndsOn: isoDate.optional(),
    publicationPeriod: publicationPeriodOut.optional(),
    version: recordVersion,
    objection: z
      .object({ status: z.literal('pending'), filedAt: instantOut })
      .optional()
      .meta({ description: '异议处理中' }),
    history: historyOf(historyEntry),
  })
  .meta({ id: 'PublicRecord' });

export const publicRecordPage = pageOf(publicRecordResponse).extend({
  total: z.number().int().min(0).max(1000).optional().meta({
    description: '符合条件的记录数（仅第一页给出）；totalCapped 为 true 时表示“至少”，显示为 1,000+',
  }),
  totalCapped: z
    .boolean()
    .optional()
    .meta({ description: '计数达到上限（读取 1,000 条索引），total 为下限' }),
});

/**
 * What the public reads at a revoked decision's address while the record would still have been
 * shown (行政处罚法 第48条: 公开说明理由): it was revoked, by which decision, when and why, and
 * what identifies the revoked record; never its facts, fine or content.
 */
export const revocationNoticeResponse = z
  .object({
    id: idOut('rec'),
    status: z.literal('revoked').meta({ description: '已撤销' }),
    kind: z.enum(RECORD_KINDS),
    kindLabel: z.enum(Object.values(KIND_LABELS) as [string, ...string[]]),
    documentNumber: masked(MAX_LENGTH.documentNumber).meta({ description: '被撤销决定的文书号' }),
    decisionDate: isoDate.meta({ description: '被撤销决定的日期' }),
    subject: publicSubject,
    authority: authorityOut,
    revocation: z.object({
      revokedAt: instantOut.meta({ description: '撤回公示的时间' }),
      decisionDate: isoDate.meta({ description: '撤销决定的日期' }),
      documentNumber: masked(MAX_LENGTH.documentNumber).meta({ description: '撤销决定的文书号' }),
      reason: masked(MAX_LENGTH.changeReason).meta({ description: '撤销理由（说明理由）' }),
    }),
  })
  .meta({ id: 'RevocationNotice' });

/** A record's public address: the record, or the notice of its revocation. */
export const publicDetailResponse = z.union([publicRecordResponse, revocationNoticeResponse]);

const pending = (prefix: string) => z.object({ id: idOut(prefix), filedAt: instantOut });

/** Whether a penalty can be repaired now (shared/domain/repairs/eligibility.ts). */
const repairStanding = z
  .object({
    eligible: z.boolean(),
    code: z.string().max(40).optional().meta({ description: '不能申请时的原因代码（与申请被拒时相同）' }),
    reason: z.string().max(200).optional().meta({ description: '不能申请的原因' }),
    from: isoDate.optional().meta({ description: '最短公示期届满、可以申请的第一天' }),
    materials: z
      .array(z.object({ name: z.string().max(100), detail: z.string().max(200) }))
      .max(10)
      .meta({ description: '申请须提交的材料（按失信程度）' }),
  })
  .meta({ id: 'RepairStanding', description: '信用修复：现在能否申请，不能时为何、何时起可以' });

/** An entity's own public record, with the objection or repair it has pending. */
export const entityRecordResponse = publicRecordResponse
  .extend({
    pendingObjection: pending('obj').optional(),
    pendingRepair: pending('rep').optional(),
    repair: repairStanding.optional(),
  })
  .meta({ id: 'EntityRecord' });

export const entityRecordPage = pageOf(entityRecordResponse);
