import type { Actor } from '../../shared/domain/audit.ts';
import type { CalendarPreviewUseCase } from '../../shared/domain/calendar/preview.ts';
import type { CalendarUseCases, CalendarYearView } from '../../shared/domain/calendar/use-cases.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { refuseMalformedIdempotencyKey } from '../../shared/http/idempotency.ts';
import { actorOf, etag, parseIfMatch } from '../../shared/http/request-helpers.ts';
import {
  calendarPathParams,
  calendarPreviewResponse,
  calendarYearResponse,
  deadlineQuery,
  deadlineResponse,
  putCalendarBody,
} from '../../shared/schemas/calendar.ts';

function toResponse({ year, origin, version, updatedAt }: CalendarYearView) {
  return {
    year: year.year,
    status: year.status,
    provisional: year.status === 'provisional',
    source: year.source,
    holidays: year.holidays,
    workdays: year.workdays,
    origin,
    ...(version === undefined ? {} : { version, updatedAt }),
  };
}

/** The calendar's routes over its use cases, the load preview among them. */
/** How long a preview walks open deadlines before it answers with what it found. */
const PREVIEW_BUDGET_MS = 6000;

export function calendarRoutes(calendar: CalendarUseCases & CalendarPreviewUseCase) {
  return {
    'GET /v1/calendar/{year}': defineRoute({
      params: calendarPathParams,
      responses: { 200: calendarYearResponse },
      run: async ({ params }) => {
        const found = await calendar.getYear(params.year);
        return { body: toResponse(found), headers: { etag: etag(found.version ?? 0) } };
      },
    }),

    'PUT /v1/calendar/{year}': defineRoute({
      params: calendarPathParams,
      body: putCalendarBody,
      responses: { 200: calendarYearResponse, 201: calendarYearResponse },
      run: async ({ params, body, principal, headers }) => {
        const actor: Actor = actorOf(principal);
        const loaded = await calendar.loadOfficialYear(params.year, body, {
          actor,
          ifMatch: parseIfMatch(headers),
        });
        return {
          status: loaded.created ? 201 : 200,
          body: toResponse(loaded),
          headers: { etag: etag(loaded.version ?? 0), location: `/v1/calendar/${params.year}` },
        };
      },
    }),

    // Read-only: the body is PUT's, checked the same way, and nothing is written.
    'POST /v1/calendar/{year}/preview': defineRoute({
      params: calendarPathParams,
      body: putCalendarBody,
      responses: { 200: calendarPreviewResponse },
      run: async ({ params, body, headers }) => {
        // Only reads, so a retry is harmless and its answer never replayed (a replay after a
        // load would be stale); a malformed key is still refused as on every POST route.
        refuseMalformedIdempotencyKey(headers['idempotency-key']);
        // The function has 10 s; an answer at 6 s, marked truncated, beats a timeout.
        const until = Date.now() + PREVIEW_BUDGET_MS;
        return { body: await calendar.preview(params.year, body, { timeLeft: () => Date.now() < until }) };
      },
    }),

    'GET /v1/deadlines': defineRoute({
      query: deadlineQuery,
      responses: { 200: deadlineResponse },
      run: async ({ query }) => ({ body: await calendar.deadline(query.from, query.workingDays) }),
    }),
  };
}
