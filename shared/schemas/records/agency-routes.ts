/** What an agency sends to register, correct and revoke records, and what it gets back. */
import * as z from 'zod';
import { MAX_BATCH_ROWS } from '../../domain/records/batch.ts';
import { NOT_PUBLIC_REASONS, type NotPublicReason } from '../../domain/records/visibility.ts';
import { RECORD_KINDS, RECORD_STATUSES } from '../../domain/records/vocabulary.ts';
import { anyFields, idOut, instantOut, isoDate, MAX_FIELD_NAME_LENGTH, pageOf, paging } from '../common.ts';
import { issue } from '../issue.ts';
import { MAX_LENGTH, MAX_RECORD_REASON_LENGTH } from '../limits.ts';
import { line, text } from '../text.ts';
import { authorityOut, historyEntry, historyOf, recordVersion } from './public-routes.ts';
import { publicationPeriodOut } from './publication-period.ts';
import { recordInputSchema } from './record-input.ts';

/** The decision that revokes or changes a record's decision (复议决定, 判决, the agency's own). */
const changingDecision = {
  decisionDate: isoDate.meta({
    description: '撤销或变更决定的日期（不早于原决定日期，不晚于今日）；三个工作日的期限自此日起算',
  }),
  documentNumber: line(MAX_LENGTH.documentNumber).meta({ description: '撤销或变更决定的文书号' }),
};

const decisionIncomplete = issue(
  'changing_decision_incomplete',
  '变更决定的日期和文书号须同时填写或同时不填',
  'give both the changing decision’s date and its document number, or neither',
);

export const correctionBody = z
  .strictObject({
    reason: text(MAX_LENGTH.changeReason).meta({ description: '更正原因' }),
    changes: anyFields
      .refine(
        (c) => Object.keys(c).length > 0,
        issue('changes_empty', '没有要更正的字段', 'changes names no field'),
      )
      .meta({ description: '要更正的字段（与登记时的结构相同；null 删除可选字段）' }),
    decisionDate: changingDecision.decisionDate.optional(),
    documentNumber: changingDecision.documentNumber.optional(),
  })
  .superRefine((body, ctx) => {
    // Both or neither: an ordinary typo correction has no changing decision.
    if ((body.decisionDate === undefined) === (body.documentNumber === undefined)) return;
    const missing = body.decisionDate === undefined ? 'decisionDate' : 'documentNumber';
    ctx.addIssue({ code: 'custom', ...decisionIncomplete, path: [missing], input: undefined });
  });

export const revocationBody = z.strictObject({
  reason: text(MAX_LENGTH.changeReason).meta({ description: '撤销原因（向社会公开说明的理由）' }),
  ...changingDecision,
});

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
  kind: z.enum(RECORD_KINDS).optional().meta({ description: 'CSV 或 .xlsx 的记录类别（不填时按表头识别）' }),
  publish: z.enum(['true', 'false']).optional().meta({ description: 'true：登记的同时公示每一行' }),
});

const deadline = z.object({
  due: isoDate,
  dueAt: instantOut,
  provisional: z.boolean(),
  reminderAt: instantOut.optional(),
  remindedAt: instantOut.optional(),
});

/**
 * Working days between two dates the service holds: a decision date and the day of
 * publication, both within the years a record can have (far fewer than this many).
 */
const workingDays = z.number().int().min(0).max(100_000);

const publication = z.object({
  at: instantOut,
  by: z.enum(['agency', 'system']),
  onTime: z.boolean(),
  workingDaysLate: workingDays,
  workingDaysToPublish: workingDays.optional(),
});

const changeDeadline = z.object({ due: isoDate, dueAt: instantOut, provisional: z.boolean() });

/**
 * The revoking or changing decision a record keeps, judged against the 3 working days counted
 * from it (条例 第40条; 行政处罚法 第48条). Absent from revocations that name no decision (an upheld
 * objection's, or those written before the limit was kept).
 */
const judgedChange = z.object({
  decisionDate: isoDate.optional().meta({ description: '撤销或变更决定的日期' }),
  documentNumber: z
    .string()
    .max(MAX_LENGTH.documentNumber)
    .optional()
    .meta({ description: '撤销或变更决定的文书号' }),
  deadline: changeDeadline.optional().meta({ description: '撤回或变更记录的期限（三个工作日）' }),
  onTime: z.boolean().optional(),
  workingDaysLate: workingDays.optional(),
});

/**
 * How often a registered record's deadline can move: once per calendar change of its year
 * while it waits to be published. Nothing counts them, so the bound is that of the record:
 * an item of the table holds at most 400 KB, and a move takes more than 100 bytes.
 */
const MAX_DEADLINE_MOVES = 4000;

/** Why a record is not public, by its code, and the provision that says so. */
const NOT_PUBLIC = Object.keys(NOT_PUBLIC_REASONS) as [NotPublicReason, ...NotPublicReason[]];
const MAX_BASIS_LENGTH = Math.max(...Object.values(NOT_PUBLIC_REASONS).map((r) => r.basis.length));

/** A record as its agency sees it: everything it registered, with its state. */
export const agencyRecordResponse = z
  .object({
    id: idOut('rec'),
    status: z.enum(RECORD_STATUSES),
    record: recordInputSchema,
    authority: authorityOut,
    version: recordVersion,
    registeredAt: instantOut,
    disclosureDeadline: deadline,
    publication: publication.optional(),
    revocation: z
      .object({
        at: instantOut,
        reason: z.string().max(MAX_RECORD_REASON_LENGTH),
        ...judgedChange.shape,
        escalatedAt: instantOut.optional().meta({ description: '超过期限撤销，已报信用办' }),
        shownWhenRevoked: z.boolean().optional().meta({ description: '撤销时正在公示：公众可见撤销说明' }),
      })
      .optional(),
    overdue: z
      .object({ at: instantOut })
      .optional()
      .meta({ description: '期限届满仍未公示（且未能自动公示）' }),
    publicationEnd: z.object({ at: instantOut, reason: z.enum(['expired', 'repaired']) }).optional(),
    publicationPeriod: publicationPeriodOut.optional(),
    objection: z
      .object({ id: idOut('obj'), filedAt: instantOut })
      .optional()
      .meta({ description: '待处理的异议' }),
    repair: z
      .object({ id: idOut('rep'), filedAt: instantOut })
      .optional()
      .meta({ description: '待决定的信用修复申请' }),
    deadlineMoves: z
      .array(
        z.object({
          kind: z.string().max(MAX_FIELD_NAME_LENGTH),
          from: instantOut,
          to: instantOut,
          at: instantOut,
          // recompute.ts writes it: the year, the calendar's version and a few words.
          why: z.string().max(200),
        }),
      )
      .max(MAX_DEADLINE_MOVES)
      .meta({ description: '因日历调整而变动的期限（原期限、新期限、原因）' }),
    visibility: z.object({
      public: z.boolean(),
      reason: z.enum(NOT_PUBLIC).optional(),
      basis: z.string().max(MAX_BASIS_LENGTH).optional(),
    }),
    history: historyOf(
      historyEntry.extend({
        previous: recordInputSchema,
        decision: z
          .object({
            decisionDate: judgedChange.shape.decisionDate.unwrap(),
            documentNumber: judgedChange.shape.documentNumber.unwrap(),
            deadline: changeDeadline,
            onTime: z.boolean(),
            workingDaysLate: workingDays,
          })
          .optional()
          .meta({ description: '据以更正的变更决定及三个工作日期限的判定' }),
      }),
    ),
  })
  .meta({ id: 'AgencyRecord' });

export const registrationResponse = agencyRecordResponse;

export const recordPage = pageOf(agencyRecordResponse);

/** A count of an upload's rows, or a row's number in it (from 1). */
const rowCount = z.number().int().min(0).max(MAX_BATCH_ROWS);
const rowNumber = z.number().int().min(1).max(MAX_BATCH_ROWS);

/*
 * A row's problem is written by the service, as a problem's are (shared/http/openapi.ts): its
 * own code and words, and a field path or CSV column of its own schemas and headers.
 */
const problemText = z.string().max(1000);

export const batchResponse = z.object({
  summary: z.object({
    rows: rowCount,
    created: rowCount,
    existing: rowCount,
    error: rowCount,
  }),
  results: z
    .array(
      z.union([
        z.object({ row: rowNumber, status: z.enum(['created', 'existing']), id: idOut('rec') }),
        z.object({
          row: rowNumber,
          status: z.literal('error'),
          code: z.string().max(64),
          field: problemText.optional(),
          column: z.string().max(100).optional().meta({ description: 'CSV 或 .xlsx 中的列名' }),
          message: z.object({ zh: problemText, en: problemText }),
        }),
      ]),
    )
    .max(MAX_BATCH_ROWS),
});
