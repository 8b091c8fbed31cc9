import * as z from 'zod';
import { MAX_WORKING_DAYS } from '../domain/calendar/working-days.ts';
import { isoDate, wholeNumberParam, yearParam } from './common.ts';
import { line, link } from './text.ts';

export const calendarPathParams = z.strictObject({ year: yearParam });

const holiday = z.strictObject({
  date: isoDate,
  name: line(40).meta({ description: '节日名称 / holiday name, e.g. 国庆节' }),
});

const source = z.strictObject({
  title: line(200).meta({ description: '依据文件标题 / title of the State Council notice' }),
  urls: z
    .array(link(500, { plainHttp: true }))
    .max(5)
    .default([]),
});

export const putCalendarBody = z.strictObject({
  holidays: z.array(holiday).min(1).max(60),
  workdays: z.array(isoDate).max(20).meta({ description: '调休上班日 / weekend days declared working days' }),
  source,
});
export type PutCalendarBody = z.infer<typeof putCalendarBody>;

export const calendarYearResponse = z.object({
  year: z.number().int(),
  status: z.enum(['official', 'provisional']),
  provisional: z.boolean(),
  source: z.object({ title: z.string(), urls: z.array(z.string()) }),
  holidays: z.array(z.object({ date: isoDate, name: z.string() })),
  workdays: z.array(isoDate),
  /** Where the year came from: loaded into the service, shipped with it, or derived. */
  origin: z.enum(['loaded', 'seed', 'statutory-rules']),
  version: z.number().int().optional(),
  updatedAt: z.string().optional(),
});

export const deadlineQuery = z.strictObject({
  from: isoDate,
  workingDays: wholeNumberParam(1, MAX_WORKING_DAYS),
});

export const deadlineResponse = z.object({
  from: isoDate,
  workingDays: z.number().int(),
  due: isoDate,
  dueAt: z.string(),
  provisional: z.boolean(),
  skipped: z.array(z.object({ date: isoDate, reason: z.enum(['weekend', 'holiday']), name: z.string() })),
});
