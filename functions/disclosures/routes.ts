import type { PublicDisclosureUseCases } from '../../shared/domain/records/public-use-cases.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { pageBody, pageRequest } from '../../shared/http/paging.ts';
import { entityOf } from '../../shared/http/principal.ts';
import { pageQuery } from '../../shared/schemas/common.ts';
import {
  entityRecordPage,
  publicDetailResponse,
  publicRecordPage,
  publicSearchQuery,
  recordIdParams,
} from '../../shared/schemas/records/public-routes.ts';

export function disclosureRoutes(disclosures: PublicDisclosureUseCases) {
  return {
    'GET /v1/disclosures': defineRoute({
      query: publicSearchQuery,
      responses: { 200: publicRecordPage },
      run: async ({ query }) => {
        return { body: pageBody(await disclosures.search({ ...query, ...pageRequest(query) })) };
      },
    }),

    'GET /v1/entity/records': defineRoute({
      query: pageQuery,
      responses: { 200: entityRecordPage },
      run: async ({ query, principal }) => {
        return { body: pageBody(await disclosures.forEntity(entityOf(principal), pageRequest(query))) };
      },
    }),

    'GET /v1/disclosures/{id}': defineRoute({
      params: recordIdParams,
      responses: { 200: publicDetailResponse },
      run: async ({ params }) => ({ body: await disclosures.detail(params.id) }),
    }),
  };
}
