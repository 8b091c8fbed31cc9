import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../shared/store/client.ts';
import { personIndexEntries } from '../../shared/store/person-index.ts';
import { recordKey } from '../../shared/store/record-items.ts';
import { reindexRecords } from '../../shared/store/record-reindex.ts';
import { AGENCY_ACTOR } from '../support/domain-world.ts';
import { freshStore } from '../support/dynamodb.ts';
import { AGENCY, penaltyInput } from '../support/record-builders.ts';
import { naturalPersonPenalty } from '../support/record-mothers.ts';
import { timerWorld } from '../support/timers.ts';

const EXPIRY = 'DEADLINE#publication-expiry';

/**
 * A table written before 条例 第38条's cap reached decisions taken before 2019-07-01: their
 * records lack the publication-expiry entry. Simulated by deleting the entry the write made.
 */
describe('rebuilding the deadlines of stored records (npm run records:reindex)', () => {
  let store: Store;
  const entryOf = async (id: string) =>
    (
      await store.client.send(
        new GetCommand({ TableName: store.tableName, Key: { pk: `REC#${id}`, sk: EXPIRY } }),
      )
    ).Item;
  const dropEntry = (id: string) =>
    store.client.send(
      new DeleteCommand({ TableName: store.tableName, Key: { pk: `REC#${id}`, sk: EXPIRY } }),
    );

  beforeAll(async () => {
    store = await freshStore();
  });

  it('gives a penalty decided 2018-03-01 its expiry at the five-year cap, and the sweep ends it', async () => {
    const world = timerWorld(store, '2022-06-01T10:00:00+08:00');
    const { record } = await world.useCases.register(
      { uscc: AGENCY },
      penaltyInput({ decisionDate: '2018-03-01' }),
      {
        publish: true,
        actor: AGENCY_ACTOR,
      },
    );
    await dropEntry(record.id);

    const done = await reindexRecords(store, { from: '2018-03-01', to: '2018-03-31' });

    expect(done).toEqual({ records: 1, written: 1, skipped: 0 });
    expect(await entryOf(record.id)).toMatchObject({ dueAt: '2023-03-02T00:00:00+08:00' });
    world.time.set('2023-03-02T00:30:00+08:00');
    await world.sweep('publication-expiry');
    expect((await world.records.get(record.id))?.publicationEnd).toMatchObject({ reason: 'expired' });
  });

  it('writes nothing for an entry already right, and nothing outside the range', async () => {
    const world = timerWorld(store, '2022-06-01T10:00:00+08:00');
    const { record } = await world.useCases.register(
      { uscc: AGENCY },
      penaltyInput({ decisionDate: '2018-05-02' }),
      {
        publish: true,
        actor: AGENCY_ACTOR,
      },
    );
    const outside = (
      await world.useCases.register({ uscc: AGENCY }, penaltyInput({ decisionDate: '2018-06-01' }), {
        publish: true,
        actor: AGENCY_ACTOR,
      })
    ).record;
    await dropEntry(outside.id);

    const done = await reindexRecords(store, { from: '2018-05-01', to: '2018-05-31' });

    expect(done).toEqual({ records: 1, written: 0, skipped: 0 });
    expect(await entryOf(record.id)).toBeDefined();
    expect(await entryOf(outside.id)).toBeUndefined();
  });

  it("gives a natural person's record stored before persons had their own list its index entry, and its expiry", async () => {
    const world = timerWorld(store, '2026-05-11T10:00:00+08:00');
    const input = naturalPersonPenalty({ decisionDate: '2026-05-10' });
    const { record } = await world.useCases.register({ uscc: AGENCY }, input, {
      publish: true,
      actor: AGENCY_ACTOR,
    });
    const [index] = personIndexEntries(record);
    if (!index) throw new Error('a natural person with a resident ID has an index entry');
    await store.client.send(
      new DeleteCommand({ TableName: store.tableName, Key: { pk: index.pk, sk: index.sk } }),
    );
    await dropEntry(record.id);

    const done = await reindexRecords(store, { from: '2026-05-10', to: '2026-05-10' });

    expect(done).toEqual({ records: 1, written: 2, skipped: 0 });
    const back = await store.client.send(
      new GetCommand({ TableName: store.tableName, Key: { pk: index.pk, sk: index.sk } }),
    );
    expect(back.Item).toMatchObject({ type: 'person-index', recordId: record.id });
    expect(await entryOf(record.id)).toMatchObject({ dueAt: '2027-05-11T00:00:00+08:00' });
  });

  it("leaves a record that changed while it was read to its own write's entries", async () => {
    const world = timerWorld(store, '2022-06-01T10:00:00+08:00');
    const { record } = await world.useCases.register(
      { uscc: AGENCY },
      penaltyInput({ decisionDate: '2018-07-02' }),
      {
        publish: true,
        actor: AGENCY_ACTOR,
      },
    );
    await dropEntry(record.id);
    // Another write between the rebuild's read and its write: the revision no longer matches.
    const realSend = store.client.send.bind(store.client);
    const racing: Store = {
      ...store,
      client: {
        send: async (command: Parameters<typeof realSend>[0]) => {
          const answer = await realSend(command);
          if (command instanceof GetCommand) {
            await realSend(
              new UpdateCommand({
                TableName: store.tableName,
                Key: recordKey(record.id),
                UpdateExpression: 'SET revision = revision + :one',
                ExpressionAttributeValues: { ':one': 1 },
              }),
            );
          }
          return answer;
        },
      } as Store['client'],
    };

    const done = await reindexRecords(racing, { from: '2018-07-01', to: '2018-07-31' });

    expect(done).toEqual({ records: 1, written: 0, skipped: 1 });
    expect(await entryOf(record.id)).toBeUndefined();
  });
});
