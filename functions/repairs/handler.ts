import { calendarYearsFrom } from '../../shared/domain/calendar/use-cases.ts';
import { systemClock } from '../../shared/domain/clock.ts';
import { makeMaterialUseCases } from '../../shared/domain/materials/use-cases.ts';
import { makeRepairUseCases } from '../../shared/domain/repairs/use-cases.ts';
import { materialFilesFromEnv } from '../../shared/files/from-env.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { agencyRepository } from '../../shared/store/agency-repository.ts';
import { calendarRepository } from '../../shared/store/calendar-repository.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { idempotencyRepository } from '../../shared/store/idempotency-repository.ts';
import { materialReceiptRepository } from '../../shared/store/material-repository.ts';
import { recordRepository } from '../../shared/store/record-repository.ts';
import { workflowRepository } from '../../shared/store/workflow-repository.ts';
import { repairRoutes } from './routes.ts';

const store = storeFromEnv();
const workflows = workflowRepository(store);
const repairs = makeRepairUseCases({
  agencies: agencyRepository(store),
  records: recordRepository(store),
  workflows,
  calendarYears: calendarYearsFrom(calendarRepository(store)),
  clock: systemClock,
});

const materials = makeMaterialUseCases({
  workflows,
  files: materialFilesFromEnv(),
  receipts: materialReceiptRepository(store),
  clock: systemClock,
});

export const handler = httpHandler('repairs', repairRoutes(repairs, materials), {
  idempotency: idempotencyRepository(store),
});
