import type { Actor } from '../../shared/domain/audit.ts';
import type { CalendarUseCases, CalendarYearView } from '../../shared/domain/calendar/use-cases.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { actorOf, etag, parseIfMatch } from '../../shared/http/request-helpers.ts';
import {
  calendarPathParams,
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

export function calendarRoutes(calendar: CalendarUseCases) {
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

    'GET /v1/deadlines': defineRoute({
      query: deadlineQuery,
      responses: { 200: deadlineResponse },
      run: async ({ query }) => ({ body: await calendar.deadline(query.from, query.workingDays) }),
    }),
  };
}
