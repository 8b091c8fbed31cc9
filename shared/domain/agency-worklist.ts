import { type CalendarYearsPort, withCalendar } from './calendar/load-calendar.ts';
import { addWorkingDays } from './calendar/working-days.ts';
import type { Clock } from './clock.ts';
import { addDays, endOfShanghaiDay, type IsoDate, shanghaiDate, shanghaiTimestamp, yearOf } from './dates.ts';
import { type DeadlineStanding, deadlineStanding } from './deadlines/days-left.ts';
import type { Page, RecordStore } from './records/ports.ts';
import type { DisclosureRecord } from './records/record.ts';
import type { PushStore } from './sharing/upstream.ts';
import { type RecordSummary, recordSummary } from './workflows/filing.ts';
import type { WorkflowStore } from './workflows/ports.ts';

/** How many items each list of the home page shows; the full lists are one link away. */
export const WORKLIST_SHOWN = 20;
/** How many registered records due soon are read to find the ones not yet late. */
export const DUE_SOON_READ = 100;

export interface WorklistItem {
  readonly id: string;
  /** The record's id (the item's own for records). */
  readonly recordId: string;
  readonly record: RecordSummary;
  readonly since: string;
  readonly accepted?: boolean;
  readonly deadline: DeadlineStanding;
}

/** One list of the home page: up to WORKLIST_SHOWN items and whether more exist. */
export interface WorklistSection {
  readonly count: number;
  readonly more: boolean;
  readonly items: readonly WorklistItem[];
}

export interface AgencyWorklist {
  readonly today: IsoDate;
  readonly registered: WorklistSection;
  readonly dueSoon: WorklistSection;
  readonly overdue: WorklistSection;
  readonly objections: WorklistSection;
  readonly repairs: WorklistSection;
  /** Records the city's credit platform refused as invalid, with its reason (newest intent each). */
  readonly upstreamRefused?: {
    readonly count: number;
    readonly more: boolean;
    readonly items: readonly { recordId: string; reason: string; field?: string | undefined; at: string }[];
  };
}

interface Due {
  readonly id: string;
  readonly due: IsoDate;
}

const recordItem = (r: DisclosureRecord) => ({
  id: r.id,
  recordId: r.id,
  record: recordSummary(r),
  since: r.registeredAt,
  due: r.disclosure.due,
});

/**
 * The agency's home page: what it has to do and by when. Every list is one Query of an index
 * (no Scan) with a Limit, so the work per request is bounded whatever the agency's backlog:
 * five Queries of at most WORKLIST_SHOWN items and one of DUE_SOON_READ. Counts are of what
 * was read; `more` says the full list (the existing agency lists) holds more.
 *
 * 1. Reads today's date (Asia/Shanghai) and the end of the next working day.
 * 2. Queries registered records (soonest due first), overdue ones, those due by that end,
 *    and the open objections and repair applications.
 * 3. Words each deadline as working days left or late, over the working calendar.
 */
export function makeAgencyWorklist(deps: {
  records: Pick<RecordStore, 'listForAgency'>;
  workflows: Pick<WorkflowStore, 'objectionsForAgency' | 'repairsForAgency'>;
  calendarYears: CalendarYearsPort;
  clock: Clock;
  /** The push states to the city's platform: refused ones are the agency's to correct. */
  pushes?: Pick<PushStore, 'forAgency'>;
}) {
  const { records, workflows, calendarYears, clock, pushes } = deps;
  return async (agency: string): Promise<AgencyWorklist> => {
    const now = clock();
    const today = shanghaiDate(now);
    const nextWorkingDay = await withCalendar(
      calendarYears,
      [yearOf(today)],
      (calendar) => addWorkingDays(calendar, today, 1).due,
    );
    const base = { agency, limit: WORKLIST_SHOWN };
    const [registered, overdue, soon, objections, repairs, refused] = await Promise.all([
      records.listForAgency({ ...base, status: 'registered' }),
      records.listForAgency({ ...base, status: 'registered', dueBefore: shanghaiTimestamp(now) }),
      records.listForAgency({
        ...base,
        status: 'registered',
        limit: DUE_SOON_READ,
        // Index keys are `dueAt#id`, so `< dueAt` would leave out what ends exactly then:
        // ask one day further and keep only what is due by the next working day. The lower
        // bound keeps a backlog of late records from filling the page before these.
        dueBefore: endOfShanghaiDay(addDays(nextWorkingDay, 1)),
        dueAfter: shanghaiTimestamp(now),
      }),
      workflows.objectionsForAgency({ ...base, status: 'pending' }),
      workflows.repairsForAgency({ ...base, status: 'pending' }),
      pushes?.forAgency({ agency, state: 'failed', limit: WORKLIST_SHOWN }),
    ]);
    const notLate = soon.items.filter(
      (r) => r.disclosure.due <= nextWorkingDay && r.disclosure.dueAt > shanghaiTimestamp(now),
    );
    const soonPage: Page<DisclosureRecord> = {
      items: notLate.slice(0, WORKLIST_SHOWN),
      cursor: notLate.length > WORKLIST_SHOWN || soon.cursor ? 'more' : undefined,
    };
    const sections = {
      registered: section(registered, recordItem),
      dueSoon: section(soonPage, recordItem),
      overdue: section(overdue, recordItem),
      objections: section(objections, (o) => ({
        ...filingItem(o),
        accepted: o.acceptedAt !== undefined,
      })),
      repairs: section(repairs, filingItem),
    };
    const standing = await withStandings(calendarYears, today, sections);
    if (!refused) return standing;
    return {
      ...standing,
      upstreamRefused: {
        count: refused.items.length,
        more: refused.cursor !== undefined,
        items: refused.items.map((p) => ({
          recordId: p.recordId,
          reason: p.reason ?? '',
          ...(p.field ? { field: p.field } : {}),
          at: p.updatedAt,
        })),
      },
    };
  };
}

const filingItem = (f: {
  id: string;
  recordId: string;
  record: RecordSummary;
  filedAt: string;
  deadline: { due: IsoDate };
}) => ({ id: f.id, recordId: f.recordId, record: f.record, since: f.filedAt, due: f.deadline.due });

function section<T, I extends Due>(page: Page<T>, toItem: (t: T) => I) {
  return { more: page.cursor !== undefined, items: page.items.map(toItem) };
}

type Draft = Record<
  'registered' | 'dueSoon' | 'overdue' | 'objections' | 'repairs',
  { more: boolean; items: (Due & Omit<WorklistItem, 'deadline'>)[] }
>;

/** Every item's standing, computed over the calendar years its due date and today lie in. */
async function withStandings(calendarYears: CalendarYearsPort, today: IsoDate, draft: Draft) {
  const dues = Object.values(draft).flatMap((s) => s.items.map((i) => i.due));
  const years = [...new Set([today, ...dues].map(yearOf))];
  return withCalendar(calendarYears, years, (calendar) => {
    const done = Object.fromEntries(
      Object.entries(draft).map(([name, { more, items }]) => [
        name,
        {
          count: items.length,
          more,
          items: items.map(({ due, ...item }) => ({
            ...item,
            deadline: deadlineStanding(calendar, today, due),
          })),
        },
      ]),
    ) as unknown as Omit<AgencyWorklist, 'today'>;
    return { today, ...done };
  });
}
