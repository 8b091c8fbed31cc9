import type { AgencyUseCases, AgencyView } from '../../shared/domain/agencies/use-cases.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { actorOf, etag, parseIfMatch } from '../../shared/http/request-helpers.ts';
import {
  agencyListResponse,
  agencyPathParams,
  agencyResponse,
  putAgencyBody,
} from '../../shared/schemas/agencies.ts';

function toResponse({ uscc, name, shortName, version, updatedAt }: AgencyView) {
  return { uscc, name, ...(shortName === undefined ? {} : { shortName }), version, updatedAt };
}

export function agencyRoutes(agencies: AgencyUseCases) {
  return {
    'GET /v1/agencies': defineRoute({
      responses: { 200: agencyListResponse },
      run: async () => ({ body: { items: (await agencies.list()).map(toResponse) } }),
    }),

    'PUT /v1/agencies/{uscc}': defineRoute({
      params: agencyPathParams,
      body: putAgencyBody,
      responses: { 200: agencyResponse, 201: agencyResponse },
      run: async ({ params, body, principal, headers }) => {
        const saved = await agencies.put(
          { uscc: params.uscc, name: body.name, shortName: body.shortName },
          { actor: actorOf(principal), ifMatch: parseIfMatch(headers) },
        );
        return {
          status: saved.created ? 201 : 200,
          body: toResponse(saved),
          headers: { etag: etag(saved.version), location: `/v1/agencies/${params.uscc}` },
        };
      },
    }),
  };
}
