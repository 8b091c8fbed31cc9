/** What an agency sends to register, correct and revoke records, and what it gets back. */
import * as z from 'zod';
import { RECORD_KINDS, RECORD_STATUSES } from '../../domain/records/vocabulary.ts';
import { anyFields, isoDate, pageOf, paging } from '../common.ts';
import { issue } from '../issue.ts';
import { text } from '../text.ts';
import { historyEntry } from './public-routes.ts';
import { recordInputSchema } from './record-input.ts';

export const correctionBody = z.strictObject({
  reason: text(500).meta({ description: '更正原因' }),
  changes: anyFields
    .refine(
      (c) => Object.keys(c).length > 0,
      issue('changes_empty', '没有要更正的字段', 'changes names no field'),
    )
    .meta({ description: '要更正的字段（与登记时的结构相同；null 删除可选字段）' }),
});

export const revocationBody = z.strictObject({ reason: text(500).meta({ description: '撤销原因' }) });

export const worklistQuery = z
  .strictObject({
    status: z.enum(RECORD_STATUSES).default('registered'),
    overdue: z.enum(['true', 'false']).optional().meta({ description: 'true：仅超过公示期限仍未公示的记录' }),
    ...paging,
  })
  .refine((q) => q.overdue !== 'true' || q.status === 'registered', {
    ...issue(
      'overdue_needs_registered',
      'overdue=true 只适用于未公示（registered）的记录',
      'overdue=true applies to registered records only',
    ),
    path: ['overdue'],
  });

export const batchQuery = z.strictObject({
  kind: z.enum(RECORD_KINDS).optional().meta({ description: 'CSV 的记录类别（不填时按表头识别）' }),
  publish: z.enum(['true', 'false']).optional().meta({ description: 'true：登记的同时公示每一行' }),
});

const deadline = z.object({
  due: isoDate,
  dueAt: z.string(),
  provisional: z.boolean(),
  reminderAt: z.string().optional(),
  remindedAt: z.string().optional(),
});
const publication = z.object({
  at: z.string(),
  by: z.enum(['agency', 'system']),
  onTime: z.boolean(),
  workingDaysLate: z.number().int(),
  workingDaysToPublish: z.number().int().optional(),
});

/** A record as its agency sees it: everything it registered, with its state. */
export const agencyRecordResponse = z
  .object({
    id: z.string(),
    status: z.enum(RECORD_STATUSES),
    record: recordInputSchema,
    authority: z.object({ uscc: z.string(), name: z.string().optional() }),
    version: z.number().int(),
    registeredAt: z.string(),
    disclosureDeadline: deadline,
    publication: publication.optional(),
    revocation: z.object({ at: z.string(), reason: z.string() }).optional(),
    overdue: z
      .object({ at: z.string() })
      .optional()
      .meta({ description: '期限届满仍未公示（且未能自动公示）' }),
    publicationEnd: z.object({ at: z.string(), reason: z.enum(['expired', 'repaired']) }).optional(),
    objection: z
      .object({ id: z.string(), filedAt: z.string() })
      .optional()
      .meta({ description: '待处理的异议' }),
    repair: z
      .object({ id: z.string(), filedAt: z.string() })
      .optional()
      .meta({ description: '待决定的信用修复申请' }),
    deadlineMoves: z
      .array(
        z.object({ kind: z.string(), from: z.string(), to: z.string(), at: z.string(), why: z.string() }),
      )
      .meta({ description: '因日历调整而变动的期限（原期限、新期限、原因）' }),
    visibility: z.object({
      public: z.boolean(),
      reason: z.string().optional(),
      basis: z.string().optional(),
    }),
    history: z.array(historyEntry.extend({ previous: recordInputSchema })),
  })
  .meta({ id: 'AgencyRecord' });

export const registrationResponse = agencyRecordResponse;

export const recordPage = pageOf(agencyRecordResponse);

export const batchResponse = z.object({
  summary: z.object({
    rows: z.number().int(),
    created: z.number().int(),
    existing: z.number().int(),
    error: z.number().int(),
  }),
  results: z.array(
    z.union([
      z.object({ row: z.number().int(), status: z.enum(['created', 'existing']), id: z.string() }),
      z.object({
        row: z.number().int(),
        status: z.literal('error'),
        code: z.string(),
        field: z.string().optional(),
        column: z.string().optional().meta({ description: 'CSV 中的列名' }),
        message: z.object({ zh: z.string(), en: z.string() }),
      }),
    ]),
  ),
});
