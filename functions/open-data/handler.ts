import { agencyNamesTtlMs, cachedAgencyNames } from '../../shared/domain/agencies/name-cache.ts';
import { systemClock } from '../../shared/domain/clock.ts';
import { materialFilesFromEnv } from '../../shared/files/from-env.ts';
import { httpHandler } from '../../shared/http/http-handler.ts';
import { streamingHandler } from '../../shared/http/streaming.ts';
import { agencyRepository } from '../../shared/store/agency-repository.ts';
import { storeFromEnv } from '../../shared/store/client.ts';
import { openDataRepository, snapshotKey } from '../../shared/store/open-data-repository.ts';
import { recordRepository } from '../../shared/store/record-repository.ts';
import { openDataRoutes, SNAPSHOT_LINK_SECONDS } from './routes.ts';

const store = storeFromEnv();
const files = materialFilesFromEnv();

const json = httpHandler(
  'open-data',
  openDataRoutes({
    records: recordRepository(store),
    names: cachedAgencyNames(agencyRepository(store), systemClock, agencyNamesTtlMs(process.env)),
    snapshots: openDataRepository(store),
    snapshotLink: (file) =>
      files.downloadLink({
        key: snapshotKey(file),
        fileName: file,
        contentType: 'text/csv; charset=utf-8',
        expiresInSeconds: SNAPSHOT_LINK_SECONDS,
      }),
    clock: systemClock,
  }),
);

/** Streamed on Lambda (a function URL in RESPONSE_STREAM mode); locally the server streams it. */
export const handler = streamingHandler(json) as typeof json;
