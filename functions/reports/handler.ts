import { createHash } from 'node:crypto';
import { agencyNamesTtlMs, cachedAgencyNames } from '../../shared/domain/agencies/name-cache.ts';
import { systemClock } from '../../shared/domain/clock.ts';
import { makeReportUseCases } from '../../shared/domain/reports/use-cases.ts';
import { materialFilesFromEnv } from '../../shared/files/from-env.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { reportRenderer } from '../../shared/reports/renderer.ts';
import { siteFrom } from '../../shared/site/site-config.ts';
import { agencyRepository } from '../../shared/store/agency-repository.ts';
import { checkRepository } from '../../shared/store/check-repository.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { commitmentRepository } from '../../shared/store/commitment-repository.ts';
import { entityRecordIndex } from '../../shared/store/entity-index.ts';
import { idempotencyRepository } from '../../shared/store/idempotency-repository.ts';
import { listRepository } from '../../shared/store/list-repository.ts';
import { recordRepository } from '../../shared/store/record-repository.ts';
import { reportRepository } from '../../shared/store/report-repository.ts';
import { reportRoutes } from './routes.ts';

const store = storeFromEnv();

export const handler = httpHandler(
  'reports',
  reportRoutes(
    makeReportUseCases({
      reports: reportRepository(store),
      entityRecords: entityRecordIndex(store, recordRepository(store)),
      lists: listRepository(store),
      commitments: commitmentRepository(store),
      checks: checkRepository(store),
      files: materialFilesFromEnv(),
      render: reportRenderer,
      agencyNames: cachedAgencyNames(agencyRepository(store), systemClock, agencyNamesTtlMs(process.env)),
      issuer: siteFrom(process.env).officeContact,
      sha256: (bytes) => createHash('sha256').update(bytes).digest('hex'),
      clock: systemClock,
    }),
  ),
  { idempotency: idempotencyRepository(store) },
);
