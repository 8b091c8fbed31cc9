import { agencyNamesTtlMs, cachedAgencyNames } from '../../shared/domain/agencies/name-cache.ts';
import { systemClock } from '../../shared/domain/clock.ts';
import { makePublicDisclosureUseCases } from '../../shared/domain/records/public-use-cases.ts';
import { makeFeed } from '../../shared/domain/sharing/feed.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { siteFrom } from '../../shared/site/site-config.ts';
import { agencyRepository } from '../../shared/store/agency-repository.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { feedRepository } from '../../shared/store/feed-repository.ts';
import { recordRepository } from '../../shared/store/record-repository.ts';
import { verificationRepository } from '../../shared/store/verification-repository.ts';
import { disclosureRoutes } from './routes.ts';

const store = storeFromEnv();
const disclosures = makePublicDisclosureUseCases({
  records: recordRepository(store),
  clock: systemClock,
});

export const handler = httpHandler(
  'disclosures',
  disclosureRoutes(
    disclosures,
    cachedAgencyNames(agencyRepository(store), systemClock, agencyNamesTtlMs(process.env)),
    verificationRepository(store),
    makeFeed({ feed: feedRepository(store), records: recordRepository(store), clock: systemClock }),
    siteFrom(process.env),
  ),
);
