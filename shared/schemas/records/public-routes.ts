/**
 * What the public (and an entity reading its own records) sends and gets back. Kept apart from
 * agency-routes.ts so that the public functions do not build the record input schemas.
 */
import * as z from 'zod';
import { RECORD_KINDS, SUBJECT_CATEGORIES } from '../../domain/records/vocabulary.ts';
import { isoDate, pageOf, paging, uscc } from '../common.ts';
import { issue } from '../issue.ts';
import { line } from '../text.ts';

export const recordIdParams = z.strictObject({
  id: z
    .string()
    .regex(/^rec_[0-9a-hjkmnp-tv-z]{26}$/, issue('invalid_record_id', '记录编号格式错误', 'not a record id'))
    .meta({ description: '记录编号 / record id' }),
});

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

const publicSubject = z.object({
  category: z.enum(SUBJECT_CATEGORIES),
  name: z.string(),
  uscc: z.string().optional(),
  businessRegNo: z.string().optional(),
  orgCode: z.string().optional(),
  taxNo: z.string().optional(),
  institutionCertNo: z.string().optional(),
  socialOrgCertNo: z.string().optional(),
});

/** One correction in a record's history: its version, when, why and which fields changed. */
export const historyEntry = z.object({
  version: z.number().int(),
  at: z.string(),
  reason: z.string(),
  changedFields: z.array(z.string()),
});

/** A record as the public sees it; see shared/domain/records/public-view.ts. */
export const publicRecordResponse = z
  .object({
    id: z.string(),
    kind: z.enum(RECORD_KINDS),
    kindLabel: z.string(),
    documentNumber: z.string(),
    decisionDate: isoDate,
    remarks: z.string().optional(),
    subject: publicSubject,
    authority: z.object({ uscc: z.string(), name: z.string().optional() }),
    details: z.record(z.string(), z.unknown()),
    publishedAt: z.string(),
    publicationEndsOn: isoDate.optional(),
    version: z.number().int(),
    objection: z
      .object({ status: z.literal('pending'), filedAt: z.string() })
      .optional()
      .meta({ description: '异议处理中' }),
    history: z.array(historyEntry),
  })
  .meta({ id: 'PublicRecord' });

export const publicRecordPage = pageOf(publicRecordResponse);

const pending = z.object({ id: z.string(), filedAt: z.string() });

/** An entity's own public record, with the objection or repair it has pending. */
export const entityRecordResponse = publicRecordResponse
  .extend({
    pendingObjection: pending.optional(),
    pendingRepair: pending.optional(),
  })
  .meta({ id: 'EntityRecord' });

export const entityRecordPage = pageOf(entityRecordResponse);
