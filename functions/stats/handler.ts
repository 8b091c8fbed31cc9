import { agencyNamesTtlMs, cachedAgencyNames } from '../../shared/domain/agencies/name-cache.ts';
import { systemClock } from '../../shared/domain/clock.ts';
import { makeStatsUseCases } from '../../shared/domain/stats/use-cases.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { MAX_STATS_MONTHS } from '../../shared/schemas/oversight.ts';
import { agencyRepository } from '../../shared/store/agency-repository.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { statsRepository } from '../../shared/store/stats-repository.ts';
import { answerCache } from './answer-cache.ts';
import { statsRoutes } from './routes.ts';

const store = storeFromEnv();
const stats = makeStatsUseCases({
  counts: statsRepository(store).counts,
  clock: systemClock,
  maxMonths: MAX_STATS_MONTHS,
});

export const handler = httpHandler(
  'stats',
  statsRoutes(
    stats,
    answerCache(),
    cachedAgencyNames(agencyRepository(store), systemClock, agencyNamesTtlMs(process.env)),
  ),
);
