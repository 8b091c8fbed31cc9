import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { MaterialFiles } from '../domain/materials/ports.ts';
import type { Snapshot, SnapshotStore } from '../domain/sharing/open-data.ts';
import type { Store } from './client.ts';
import { newestOf } from './newest.ts';

/** The open-data manifest: one item per day's snapshot, newest first; the file in the files store. */
const PARTITION = 'OPENDATA';

export const snapshotKey = (file: string) => `open-data/${file}`;

export function openDataRepository(store: Store, files?: Pick<MaterialFiles, 'store'>): SnapshotStore {
  const { client, tableName } = store;
  return {
    async get(date) {
      const out = await client.send(
        new GetCommand({ TableName: tableName, Key: { pk: PARTITION, sk: date }, ConsistentRead: true }),
      );
      return out.Item?.snapshot as Snapshot | undefined;
    },
    async put(snapshot, body) {
      if (!files) throw new Error('no files store for the open-data snapshot');
      // The file first: the manifest never names a file that is not there.
      await files.store(snapshotKey(snapshot.file), body, 'text/csv; charset=utf-8');
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: PARTITION, sk: snapshot.date, type: 'open-data-snapshot', snapshot },
        }),
      );
    },
    async latest(limit) {
      return (await newestOf(store, PARTITION, limit)).map((item) => item.snapshot as Snapshot);
    },
  };
}
