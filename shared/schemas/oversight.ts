import * as z from 'zod';
import { EVENT_SUBJECT_KINDS, EVENT_TYPES } from '../domain/events.ts';
import {
  fieldMap,
  instantOut,
  isoDate,
  MAX_CURSOR_LENGTH,
  pageOf,
  paging,
  usccOut,
  wholeNumberParam,
} from './common.ts';
import { issue } from './issue.ts';
import { checkResponse, entryCaseResponse } from './lists.ts';
import { agencyRecordResponse } from './records/agency-routes.ts';
import { authorityOut } from './records/public-routes.ts';
import { objectionResponse, repairResponse } from './workflows.ts';

export const eventsQuery = z.strictObject({
  type: z.enum(EVENT_TYPES).optional(),
  ...paging,
});

/**
 * An event's id is its aggregate's id, the aggregate's revision and the event's type
 * (events.ts): `rec_….3.record.published`.
 */
const AGGREGATE_ID_LENGTH = 30;
const MAX_EVENT_ID_LENGTH =
  AGGREGATE_ID_LENGTH +
  1 +
  String(Number.MAX_SAFE_INTEGER).length +
  1 +
  Math.max(...EVENT_TYPES.map((t) => t.length));

export const eventResponse = z.object({
  id: z.string().max(MAX_EVENT_ID_LENGTH),
  type: z.enum(EVENT_TYPES),
  at: instantOut,
  subject: z.object({
    kind: z.enum(EVENT_SUBJECT_KINDS),
    // A record's, objection's or repair application's id: a prefix of three letters.
    id: z.string().max(AGGREGATE_ID_LENGTH),
    // Empty for what is addressed to the credit office as a whole (the daily digest).
    agency: usccOut.or(z.literal('')),
    entity: usccOut.optional(),
  }),
  data: fieldMap,
});

export const eventPage = pageOf(eventResponse);

export const MAX_STATS_MONTHS = 36;

export const timelinessQuery = z
  .strictObject({
    from: isoDate.optional().meta({ description: '决定日期自（默认本年 1 月 1 日）' }),
    to: isoDate.optional().meta({ description: '决定日期至（默认今日）' }),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    ...issue('invalid_range', '起始日期不能晚于截止日期', 'from must not be after to'),
    path: ['to'],
  });

/** Records of one agency in the period: counts of items of one table, far below 2^31. */
const recordCount = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);

const agencyRow = z.object({
  agency: usccOut,
  /** The agency by code and, once it is in the directory, by name. */
  authority: authorityOut,
  registered: recordCount,
  publishedOnTime: recordCount,
  publishedLate: recordCount,
  unpublishedOverdue: recordCount,
  pending: recordCount,
  medianWorkingDays: z.number().nullable(),
});

/**
 * Agencies in one answer. Nothing caps how many agencies register, but an answer is at most
 * 6 MB (Lambda's response quota) and an agency's row takes more than 120 bytes, so no answer
 * that can be delivered lists more than this.
 */
const MAX_STATS_AGENCIES = 52_428;

export const timelinessResponse = z.object({
  from: isoDate,
  to: isoDate,
  asOf: instantOut,
  agencies: z.array(agencyRow).max(MAX_STATS_AGENCIES),
});

/**
 * What the credit office is told of: late objections, late repairs, records revoked or changed
 * late (条例 第40条), list entries not decided or filings against them not handled in time, and
 * checks without feedback (执行反馈).
 */
export const ESCALATION_KINDS = ['objection', 'repair', 'record-change', 'list-entry', 'check'] as const;

/** The escalation lists as the credit office's page names them. */
export const ESCALATION_KIND_LABELS: Readonly<Record<(typeof ESCALATION_KINDS)[number], string>> = {
  objection: '逾期未处理的异议',
  repair: '逾期未决定的信用修复申请',
  'record-change': '逾期更正或撤销的信息',
  'list-entry': '逾期未决定的名单认定和名单异议、提前移出申请',
  check: '逾期未反馈执行情况的信用核查',
};

export const escalationsQuery = z.strictObject({
  kind: z.enum(ESCALATION_KINDS).default('objection'),
  ...paging,
});

export const escalationPage = pageOf(
  z.union([objectionResponse, repairResponse, agencyRecordResponse, entryCaseResponse, checkResponse]),
);

/** Hash chains one page of the verification checks: its largest `limit`. */
const MAX_VERIFY_PAGE = 500;

export const verifyQuery = z.strictObject({
  limit: wholeNumberParam(1, MAX_VERIFY_PAGE).optional(),
  cursor: z.string().max(MAX_CURSOR_LENGTH).optional(),
});

export const verifyResponse = z.object({
  checked: z.number().int().min(0).max(MAX_VERIFY_PAGE).meta({ description: '本页核对的哈希链数' }),
  // At most one problem per chain checked (audit-verification.ts stops at a chain's first).
  problems: z
    .array(
      z.object({
        chain: z.string().max(100),
        problem: z.enum(['broken-link', 'state-mismatch', 'aggregate-missing', 'head-mismatch']),
        seq: z.number().int().min(0).optional(),
      }),
    )
    .max(MAX_VERIFY_PAGE),
  cursor: z
    .string()
    .max(MAX_CURSOR_LENGTH)
    .optional()
    .meta({ description: '还有未核对的链时返回，传回以继续' }),
});
