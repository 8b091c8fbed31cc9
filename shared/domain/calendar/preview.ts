import type { IsoDate } from '../dates.ts';
import { type CalendarPreview, previewCalendarMoves } from '../deadlines/preview.ts';
import type { RecomputePorts } from '../deadlines/recompute.ts';
import { makeRecordDeadlineHandlers } from '../records/deadline-handlers.ts';
import type { RecordStore } from '../records/ports.ts';
import { makeWorkflowDeadlineHandlers } from '../workflows/deadline-handlers.ts';
import type { WorkflowStore } from '../workflows/ports.ts';
import { type CalendarSource, type Holiday, officialYear } from './calendar-year.ts';
import type { CalendarStore } from './ports.ts';
import { calendarYearsFrom } from './use-cases.ts';

export interface CalendarPreviewDeps {
  readonly calendars: CalendarStore;
  readonly records: RecordStore;
  readonly workflows: WorkflowStore;
  /** The index query of open deadlines the recompute job walks. */
  readonly openDeadlines: Pick<RecomputePorts, 'openIn' | 'shards'>;
}

/**
 * The preview of loading a year's notice: which open deadlines would move, and from what to
 * what, computed with the very functions the recompute job uses, and without writing.
 */
export function makeCalendarPreview({ calendars, records, workflows, openDeadlines }: CalendarPreviewDeps) {
  const calendarYears = calendarYearsFrom(calendars);
  // Only the predictors are used; autoPublish concerns the write handlers, never called here.
  const predictors = {
    ...makeRecordDeadlineHandlers({ records, calendarYears, autoPublish: false }).predictors,
    ...makeWorkflowDeadlineHandlers({ workflows, calendarYears }).predictors,
  };
  return {
    /** Checks the notice exactly as loading it would (same errors), then previews its moves. */
    async preview(
      year: number,
      input: { holidays: readonly Holiday[]; workdays: readonly IsoDate[]; source: CalendarSource },
      bounds?: { maxListed?: number; maxExamined?: number; timeLeft?: () => boolean },
    ): Promise<CalendarPreview> {
      const proposed = officialYear(year, input);
      return previewCalendarMoves(openDeadlines, predictors, calendarYears, proposed, bounds);
    },
  };
}

export type CalendarPreviewUseCase = ReturnType<typeof makeCalendarPreview>;
