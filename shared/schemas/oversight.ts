import * as z from 'zod';
import { EVENT_TYPES } from '../domain/events.ts';
import { isoDate, pageOf, paging, wholeNumberParam } from './common.ts';
import { issue } from './issue.ts';
import { objectionResponse, repairResponse } from './workflows.ts';

export const eventsQuery = z.strictObject({
  type: z.enum(EVENT_TYPES).optional(),
  ...paging,
});

export const eventResponse = z.object({
  id: z.string(),
  type: z.enum(EVENT_TYPES),
  at: z.string(),
  subject: z.object({
    kind: z.enum(['record', 'objection', 'repair']),
    id: z.string(),
    agency: z.string(),
    entity: z.string().optional(),
  }),
  data: z.record(z.string(), z.unknown()),
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

const agencyRow = z.object({
  agency: z.string(),
  registered: z.number().int(),
  publishedOnTime: z.number().int(),
  publishedLate: z.number().int(),
  unpublishedOverdue: z.number().int(),
  pending: z.number().int(),
  medianWorkingDays: z.number().nullable(),
});

export const timelinessResponse = z.object({
  from: isoDate,
  to: isoDate,
  asOf: z.string(),
  agencies: z.array(agencyRow),
});

export const escalationsQuery = z.strictObject({
  kind: z.enum(['objection', 'repair']).default('objection'),
  ...paging,
});

export const escalationPage = pageOf(z.union([objectionResponse, repairResponse]));

export const verifyQuery = z.strictObject({
  limit: wholeNumberParam(1, 500).optional(),
  cursor: z.string().max(2000).optional(),
});

export const verifyResponse = z.object({
  checked: z.number().int().meta({ description: '本页核对的哈希链数' }),
  problems: z.array(
    z.object({
      chain: z.string(),
      problem: z.enum(['broken-link', 'state-mismatch', 'aggregate-missing', 'head-mismatch']),
      seq: z.number().int().optional(),
    }),
  ),
  cursor: z.string().optional().meta({ description: '还有未核对的链时返回，传回以继续' }),
});
