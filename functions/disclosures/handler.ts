import { systemClock } from '../../shared/domain/clock.ts';
import { makePublicDisclosureUseCases } from '../../shared/domain/records/public-use-cases.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { recordRepository } from '../../shared/store/record-repository.ts';
import { disclosureRoutes } from './routes.ts';

const disclosures = makePublicDisclosureUseCases({
  records: recordRepository(storeFromEnv()),
  clock: systemClock,
});

export const handler = httpHandler('disclosures', disclosureRoutes(disclosures));
