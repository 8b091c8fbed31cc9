import * as z from 'zod';
import { MAX_WORKING_DAYS } from '../domain/calendar/working-days.ts';
import { instantOut, isoDate, usccOut, wholeNumberParam, yearParam } from './common.ts';
import { MAX_LENGTH } from './limits.ts';
import { line, link } from './text.ts';

export const calendarPathParams = z.strictObject({ year: yearParam });

const holiday = z.strictObject({
  date: isoDate,
  name: line(MAX_LENGTH.holidayName).meta({ description: '节日名称 / holiday name, e.g. 国庆节' }),
});

/** The most a year's calendar holds: holidays, working weekend days and source links. */
const MAX_HOLIDAYS = 60;
const MAX_WORKDAYS = 20;
const MAX_SOURCE_URLS = 5;

const source = z.strictObject({
  title: line(MAX_LENGTH.sourceTitle).meta({
    description: '依据文件标题 / title of the State Council notice',
  }),
  urls: z
    .array(link(MAX_LENGTH.sourceUrl, { plainHttp: true }))
    .max(MAX_SOURCE_URLS)
    .default([]),
});

export const putCalendarBody = z.strictObject({
  holidays: z.array(holiday).min(1).max(MAX_HOLIDAYS),
  workdays: z
    .array(isoDate)
    .max(MAX_WORKDAYS)
    .meta({ description: '调休上班日 / weekend days declared working days' }),
  source,
});
export type PutCalendarBody = z.infer<typeof putCalendarBody>;

/*
 * A year as the service gives it: loaded through putCalendarBody, or shipped with the service
 * (the seed years, and the statutory rules for years without either), which
 * test/unit/schemas-limits.test.ts holds to the same limits.
 */
export const calendarYearResponse = z.object({
  year: z.number().int().min(1000).max(9999),
  status: z.enum(['official', 'provisional']),
  provisional: z.boolean(),
  source: z.object({
    title: z.string().max(MAX_LENGTH.sourceTitle),
    urls: z.array(z.string().max(MAX_LENGTH.sourceUrl).meta({ format: 'uri' })).max(MAX_SOURCE_URLS),
  }),
  holidays: z
    .array(z.object({ date: isoDate, name: z.string().max(MAX_LENGTH.holidayName) }))
    .max(MAX_HOLIDAYS),
  workdays: z.array(isoDate).max(MAX_WORKDAYS),
  /** Where the year came from: loaded into the service, shipped with it, or derived. */
  origin: z.enum(['loaded', 'seed', 'statutory-rules']),
  version: z.number().int().min(1).optional(),
  updatedAt: instantOut.optional(),
});

export const deadlineQuery = z.strictObject({
  from: isoDate,
  workingDays: wholeNumberParam(1, MAX_WORKING_DAYS),
});

/**
 * Days a deadline skips, at most. Its span of S days holds W working days (W ≤
 * MAX_WORKING_DAYS) and S − W days off: at most 2S/7 + 2 weekend days and the holidays of the
 * two years a span of under a year can touch (2H). S − W ≤ 2S/7 + 2 + 2H gives
 * S − W ≤ (2W + 14 + 14H) / 5.
 */
const MAX_SKIPPED_DAYS = Math.ceil((2 * MAX_WORKING_DAYS + 14 + 14 * MAX_HOLIDAYS) / 5);

export const deadlineResponse = z.object({
  from: isoDate,
  workingDays: z.number().int().min(1).max(MAX_WORKING_DAYS),
  due: isoDate,
  dueAt: instantOut,
  provisional: z.boolean(),
  skipped: z
    .array(
      z.object({
        date: isoDate,
        reason: z.enum(['weekend', 'holiday']),
        name: z.string().max(MAX_LENGTH.holidayName),
      }),
    )
    .max(MAX_SKIPPED_DAYS),
});

/** The kinds of open deadline a calendar change can move (the working-day ones). */
const movedKind = z.enum(['disclosure-due', 'objection-due', 'repair-due']);

/** The most moves a preview lists; `total` counts them all. */
export const MAX_PREVIEW_MOVES = 500;

export const calendarPreviewResponse = z.object({
  year: z.number().int().min(1000).max(9999),
  moves: z
    .array(
      z.object({
        kind: movedKind.meta({
          description:
            '期限种类 / which deadline: a record’s disclosure, an objection’s or a repair’s handling',
        }),
        id: z
          .string()
          .max(100)
          .meta({ description: '记录、异议或修复申请编号 / record, objection or repair id' }),
        agency: usccOut.meta({ description: '经办机关统一社会信用代码 / the agency’s USCC' }),
        oldDue: isoDate,
        newDue: isoDate,
      }),
    )
    .max(MAX_PREVIEW_MOVES),
  total: z.number().int().min(0),
  truncated: z.boolean(),
});
