import type { AgencyNames } from '../../shared/domain/agencies/name-cache.ts';
import { withAuthorityName } from '../../shared/domain/agencies/named-authority.ts';
import { type VerificationStore, verify } from '../../shared/domain/documents/verification.ts';
import type { PublicDisclosureUseCases } from '../../shared/domain/records/public-use-cases.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { pageBody, pageRequest } from '../../shared/http/paging.ts';
import { entityOf } from '../../shared/http/principal.ts';
import { pageQuery } from '../../shared/schemas/common.ts';
import { verificationParams, verificationResponse } from '../../shared/schemas/documents.ts';
import {
  entityRecordPage,
  publicDetailResponse,
  publicRecordPage,
  publicSearchQuery,
  recordIdParams,
} from '../../shared/schemas/records/public-routes.ts';

const NO_NAMES: AgencyNames = async () => new Map();
const NO_VERIFICATIONS: VerificationStore = { get: async () => undefined };

/**
 * `names`: the agency directory's names, so public answers show 决定机关 by name;
 * `verifications`: the public records of issued documents, by 核验码.
 */
export function disclosureRoutes(
  disclosures: PublicDisclosureUseCases,
  names: AgencyNames = NO_NAMES,
  verifications: VerificationStore = NO_VERIFICATIONS,
) {
  return {
    'GET /v1/verifications/{code}': defineRoute({
      params: verificationParams,
      responses: { 200: verificationResponse },
      run: async ({ params }) => ({ body: await verify(verifications, params.code) }),
    }),

    'GET /v1/disclosures': defineRoute({
      query: publicSearchQuery,
      responses: { 200: publicRecordPage },
      run: async ({ query }) => {
        const [page, known] = await Promise.all([
          disclosures.search({ ...query, ...pageRequest(query) }),
          names(),
        ]);
        const total = page.total === undefined ? {} : { total: page.total, totalCapped: page.totalCapped };
        return {
          body: {
            ...pageBody({ ...page, items: page.items.map((item) => withAuthorityName(item, known)) }),
            ...total,
          },
        };
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
      run: async ({ params }) => {
        const [detail, known] = await Promise.all([disclosures.detail(params.id), names()]);
        return { body: withAuthorityName(detail, known) };
      },
    }),
  };
}
