import { calendarYearsFrom } from '../../shared/domain/calendar/use-cases.ts';
import { systemClock } from '../../shared/domain/clock.ts';
import { makeRecordUseCases } from '../../shared/domain/records/use-cases.ts';
import { makeUpstreamViews } from '../../shared/domain/sharing/upstream.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { batchJobRepository } from '../../shared/store/batch-job-repository.ts';
import { calendarRepository } from '../../shared/store/calendar-repository.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { idempotencyRepository } from '../../shared/store/idempotency-repository.ts';
import { pushRepository } from '../../shared/store/push-repository.ts';
import { recordRepository } from '../../shared/store/record-repository.ts';
import { makeBatchJobs } from './batch.ts';
import { recordRoutes } from './routes.ts';

const store = storeFromEnv();
const records = makeRecordUseCases({
  records: recordRepository(store),
  calendarYears: calendarYearsFrom(calendarRepository(store)),
  clock: systemClock,
});

const batch = makeBatchJobs({ records, store: batchJobRepository(store), clock: systemClock });

const upstream = makeUpstreamViews({ records, pushes: pushRepository(store) });

export const handler = httpHandler('records', recordRoutes(records, batch, upstream), {
  idempotency: idempotencyRepository(store),
});
