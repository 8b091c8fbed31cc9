import { makeAgencyUseCases } from '../../shared/domain/agencies/use-cases.ts';
import { systemClock } from '../../shared/domain/clock.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { agencyRepository } from '../../shared/store/agency-repository.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { agencyRoutes } from './routes.ts';

const agencies = makeAgencyUseCases({ store: agencyRepository(storeFromEnv()), clock: systemClock });

export const handler = httpHandler('agencies', agencyRoutes(agencies));
