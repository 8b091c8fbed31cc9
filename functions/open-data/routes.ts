import type { AgencyNames } from '../../shared/domain/agencies/name-cache.ts';
import { withAuthorityName } from '../../shared/domain/agencies/named-authority.ts';
import { shanghaiDate } from '../../shared/domain/dates.ts';
import { NotFoundError } from '../../shared/domain/errors.ts';
import type { RecordStore } from '../../shared/domain/records/ports.ts';
import {
  OPEN_DATA_COLUMNS,
  OPEN_DATA_TYPES,
  type OpenDataFormat,
  openDataChunks,
  publicRecordPages,
  type SnapshotStore,
} from '../../shared/domain/sharing/open-data.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { openDataManifest, openDataQuery, snapshotParams } from '../../shared/schemas/open-data.ts';

/** How many daily snapshots the manifest lists: a month. */
const MANIFEST_SNAPSHOTS = 31;
/** How long a snapshot's download link stays valid. */
export const SNAPSHOT_LINK_SECONDS = 300;

export interface OpenDataPorts {
  readonly records: Pick<RecordStore, 'searchPublic'>;
  readonly names: AgencyNames;
  readonly snapshots: Pick<SnapshotStore, 'get' | 'latest'>;
  /** A short-lived link to a snapshot file (presigned on AWS, signed by the local server). */
  readonly snapshotLink: (file: string) => Promise<string>;
  readonly clock: () => Date;
}

const noSnapshot = () =>
  new NotFoundError({
    code: 'snapshot_not_found',
    messages: { zh: '没有这一天的开放数据快照', en: 'no open-data snapshot of that day' },
  });

export function openDataRoutes(ports: OpenDataPorts) {
  const streamed = (format: OpenDataFormat) =>
    defineRoute({
      query: openDataQuery,
      alternates: {
        [OPEN_DATA_TYPES[format].split(';')[0] as string]:
          format === 'csv'
            ? "全部公示信息：UTF-8（带 BOM），数据标准的中文表头，逐页流式输出；以 = + - @ 开头的单元格前加 '"
            : '全部公示信息：每行一条公开记录（JSON），逐页流式输出',
      },
      run: async () => {
        const now = ports.clock();
        const known = await ports.names();
        return {
          stream: openDataChunks(publicRecordPages(ports.records, now), format, (r) =>
            withAuthorityName(r, known),
          ),
          contentType: OPEN_DATA_TYPES[format],
          headers: {
            'content-disposition': `attachment; filename="disclosures-${shanghaiDate(now)}.${format}"`,
            'cache-control': 'no-store',
          },
        };
      },
    });

  return {
    'GET /v1/open-data/disclosures.csv': streamed('csv'),
    'GET /v1/open-data/disclosures.ndjson': streamed('ndjson'),

    'GET /v1/open-data/manifest': defineRoute({
      query: openDataQuery,
      responses: { 200: openDataManifest },
      run: async () => {
        const snapshots = await ports.snapshots.latest(MANIFEST_SNAPSHOTS);
        return {
          body: {
            columns: OPEN_DATA_COLUMNS.map(([header]) => header),
            files: { csv: '/v1/open-data/disclosures.csv', ndjson: '/v1/open-data/disclosures.ndjson' },
            snapshots: snapshots.map((s) => ({ ...s, url: `/v1/open-data/snapshots/${s.date}` })),
          },
        };
      },
    }),

    'GET /v1/open-data/snapshots/{date}': defineRoute({
      params: snapshotParams,
      redirect: '短时有效（5 分钟）的快照文件下载链接；X-Content-SHA256 为文件的 SHA-256',
      run: async ({ params }) => {
        const snapshot = await ports.snapshots.get(params.date);
        if (!snapshot) throw noSnapshot();
        return {
          status: 302,
          headers: {
            location: await ports.snapshotLink(snapshot.file),
            'x-content-sha256': snapshot.sha256,
            'cache-control': 'no-store',
          },
        };
      },
    }),
  };
}
