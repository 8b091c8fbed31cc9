import type { AgencyNames } from '../../shared/domain/agencies/name-cache.ts';
import { withAuthorityName } from '../../shared/domain/agencies/named-authority.ts';
import { type VerificationStore, verify } from '../../shared/domain/documents/verification.ts';
import type { PublicDisclosureUseCases } from '../../shared/domain/records/public-use-cases.ts';
import { ATOM_ENTRIES, atomDocument } from '../../shared/domain/sharing/atom.ts';
import { FEED_DEFAULT_LIMIT, type FeedItem, type makeFeed } from '../../shared/domain/sharing/feed.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { pageBody, pageRequest } from '../../shared/http/paging.ts';
import { entityOf } from '../../shared/http/principal.ts';
import { pageQuery } from '../../shared/schemas/common.ts';
import { verificationParams, verificationResponse } from '../../shared/schemas/documents.ts';
import { feedPage, feedQuery } from '../../shared/schemas/feed.ts';
import {
  entityRecordPage,
  publicDetailResponse,
  publicRecordPage,
  publicSearchQuery,
  recordIdParams,
} from '../../shared/schemas/records/public-routes.ts';
import { DEFAULT_SITE } from '../../shared/site/site-config.ts';

const NO_NAMES: AgencyNames = async () => new Map();
const NO_VERIFICATIONS: VerificationStore = { get: async () => undefined };
type Feed = Pick<ReturnType<typeof makeFeed>, 'page' | 'latest'>;
const NO_FEED: Feed = {
  page: async (after) => ({ items: [], cursor: String(after) }),
  latest: async () => [],
};

/** A feed item with 决定机关 by name, as every public answer shows it. */
function namedFeedItem(item: FeedItem, known: Awaited<ReturnType<AgencyNames>>): FeedItem {
  if (item.current === 'shown') return { ...item, record: withAuthorityName(item.record, known) };
  if (item.current === 'revoked') return { ...item, revocation: withAuthorityName(item.revocation, known) };
  return item;
}

/**
 * `names`: the agency directory's names, so public answers show 决定机关 by name;
 * `verifications`: the public records of issued documents, by 核验码.
 */
export function disclosureRoutes(
  disclosures: PublicDisclosureUseCases,
  names: AgencyNames = NO_NAMES,
  verifications: VerificationStore = NO_VERIFICATIONS,
  feed: Feed = NO_FEED,
  site: { name: string } = { name: DEFAULT_SITE.name },
) {
  return {
    'GET /v1/feed': defineRoute({
      query: feedQuery,
      responses: { 200: feedPage },
      run: async ({ query }) => {
        const [page, known] = await Promise.all([
          feed.page(query.after ?? 0, query.limit ?? FEED_DEFAULT_LIMIT),
          names(),
        ]);
        return { body: { ...page, items: page.items.map((item) => namedFeedItem(item, known)) } };
      },
    }),

    'GET /v1/feed.atom': defineRoute({
      alternates: { 'application/atom+xml': `Atom 1.0：最新 ${ATOM_ENTRIES} 项公开变更，新的在前` },
      run: async () => {
        const [items, known] = await Promise.all([feed.latest(ATOM_ENTRIES), names()]);
        return {
          text: atomDocument(
            items.map((item) => namedFeedItem(item, known)),
            { name: site.name, updated: new Date(0).toISOString() },
          ),
          contentType: 'application/atom+xml; charset=utf-8',
        };
      },
    }),

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
