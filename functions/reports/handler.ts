import { createHash } from 'node:crypto';
import { agencyNamesTtlMs, cachedAgencyNames } from '../../shared/domain/agencies/name-cache.ts';
import { systemClock } from '../../shared/domain/clock.ts';
import type { ReportRenderer } from '../../shared/domain/reports/ports.ts';
import { makeReportUseCases } from '../../shared/domain/reports/use-cases.ts';
import { materialFilesFromEnv } from '../../shared/files/from-env.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
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

// pdfkit, fontkit and the font load with the first report made, not at every cold start:
// verifications and downloads, most of this function's calls, never need them.
const renderer = () => import('../../shared/reports/renderer.ts').then((m) => m.reportRenderer);
const render: ReportRenderer = {
  html: async (content) => (await renderer()).html(content),
  pdf: async (content) => (await renderer()).pdf(content),
};

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
      render,
      agencyNames: cachedAgencyNames(agencyRepository(store), systemClock, agencyNamesTtlMs(process.env)),
      issuer: siteFrom(process.env).officeContact,
      sha256: (bytes) => createHash('sha256').update(bytes).digest('hex'),
      clock: systemClock,
    }),
  ),
  { idempotency: idempotencyRepository(store) },
);
