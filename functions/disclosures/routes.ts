import type { PublicDisclosureUseCases } from '../../shared/domain/records/public-use-cases.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { entityOf } from '../../shared/http/principal.ts';
import {
  entityRecordPage,
  entityRecordsQuery,
  publicRecordPage,
  publicRecordResponse,
  publicSearchQuery,
  recordIdParams,
} from '../../shared/schemas/records/public-routes.ts';

export function disclosureRoutes(disclosures: PublicDisclosureUseCases) {
  return {
    'GET /v1/disclosures': defineRoute({
      query: publicSearchQuery,
      responses: { 200: publicRecordPage },
      run: async ({ query }) => {
        const page = await disclosures.search({ ...query, limit: query.limit ?? 20 });
        return { body: { items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) } };
      },
    }),

    'GET /v1/entity/records': defineRoute({
      query: entityRecordsQuery,
      responses: { 200: entityRecordPage },
      run: async ({ query, principal }) => {
        const page = await disclosures.forEntity(entityOf(principal), {
          limit: query.limit ?? 20,
          cursor: query.cursor,
        });
        return { body: { items: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) } };
      },
    }),

    'GET /v1/disclosures/{id}': defineRoute({
      params: recordIdParams,
      responses: { 200: publicRecordResponse },
      run: async ({ params }) => ({ body: await disclosures.get(params.id) }),
    }),
  };
}
