import type { makeAgencyWorklist } from '../../shared/domain/agency-worklist.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { agencyOf } from '../../shared/http/principal.ts';
import { agencyWorklistQuery, agencyWorklistResponse } from '../../shared/schemas/agency-worklist.ts';

export function worklistRoutes(worklist: ReturnType<typeof makeAgencyWorklist>) {
  return {
    'GET /v1/agency/worklist': defineRoute({
      query: agencyWorklistQuery,
      responses: { 200: agencyWorklistResponse },
      run: async ({ principal }) => ({ body: await worklist(agencyOf(principal)) }),
    }),
  };
}
