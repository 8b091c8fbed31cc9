/**
 * What writes cost, in DynamoDB's own ConsumedCapacity (table and indexes): one registration,
 * one publication, one registration with `publish: true`, through the same use cases the
 * records function runs; and how much of it is the name's search entries (`PUB#NAME#…`, one
 * per distinct two-character piece of the subject's name, shared/store/record-items.ts).
 */
import {
  DeleteCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Actor } from '../shared/domain/audit.ts';
import { calendarYearsFrom } from '../shared/domain/calendar/use-cases.ts';
import { systemClock } from '../shared/domain/clock.ts';
import { shanghaiDate } from '../shared/domain/dates.ts';
import { lookupBigram, nameBigrams } from '../shared/domain/records/name-search.ts';
import { makeRecordUseCases } from '../shared/domain/records/use-cases.ts';
import type { RecordInput } from '../shared/schemas/records/record-input.ts';
import { calendarRepository } from '../shared/store/calendar-repository.ts';
import type { Store } from '../shared/store/client.ts';
import { recordRepository } from '../shared/store/record-repository.ts';
import { round } from './read-cost.ts';
import type { SeedWorld } from './seed.ts';

/*
 * DynamoDB Local answers a standard write's ConsumedCapacity item by item, but for a
 * TransactWriteItems it answers a figure that does not follow the items (three small items
 * in three partitions: 2 units). So each transaction the service sends is replayed, once it
 * succeeded, write by write as standard writes on a scratch table of the same layout (which
 * so goes through the same states), and priced as DynamoDB prices a transaction: each
 * write's table units twice (prepare and commit), plus what its index updates take.
 */

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

type Consumed = {
  CapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
};

/** What one write of a transaction is, by its key (the layouts of shared/store/*-items.ts). */
function itemKind(key: Record<string, unknown>): string {
  const pk = String(key.pk ?? '');
  const sk = String(key.sk ?? '');
  if (pk.startsWith('PUB#NAME#')) return 'name_entries';
  if (pk.startsWith('PUB#')) return 'other_public_index_entries';
  if (pk.startsWith('DOC#')) return 'document_claim';
  if (pk.startsWith('STATS#')) return 'statistics_counter';
  if (sk === 'REC') return 'record';
  if (sk.startsWith('AUDIT#')) return 'audit_entry';
  if (sk.startsWith('DEADLINE#')) return 'deadline_entries';
  return 'other';
}

interface PricedWrite {
  readonly kind: string;
  /** Units of the transaction's write: table units twice, plus index units. */
  readonly units: number;
  readonly indexes: Readonly<Record<string, number>>;
}

async function replay(scratch: Store, write: TransactItem): Promise<PricedWrite | undefined> {
  const common = { TableName: scratch.tableName, ReturnConsumedCapacity: 'INDEXES' as const };
  let key: Record<string, unknown>;
  let out: { ConsumedCapacity?: Consumed };
  if (write.Put) {
    key = write.Put.Item ?? {};
    out = await scratch.client.send(new PutCommand({ ...common, Item: write.Put.Item }));
  } else if (write.Update) {
    key = write.Update.Key ?? {};
    out = await scratch.client.send(
      new UpdateCommand({
        ...common,
        Key: write.Update.Key,
        UpdateExpression: write.Update.UpdateExpression,
        ExpressionAttributeNames: write.Update.ExpressionAttributeNames,
        ExpressionAttributeValues: write.Update.ExpressionAttributeValues,
      }),
    );
  } else if (write.Delete) {
    key = write.Delete.Key ?? {};
    out = await scratch.client.send(new DeleteCommand({ ...common, Key: write.Delete.Key }));
  } else {
    return undefined; // a ConditionCheck writes nothing
  }
  const c = out.ConsumedCapacity ?? {};
  const indexes = Object.fromEntries(
    Object.entries(c.GlobalSecondaryIndexes ?? {}).map(([name, u]) => [name, u.CapacityUnits ?? 0]),
  );
  const table = c.Table?.CapacityUnits ?? c.CapacityUnits ?? 0;
  const indexUnits = Object.values(indexes).reduce((sum, u) => sum + u, 0);
  return { kind: itemKind(key), units: 2 * table + indexUnits, indexes };
}

/**
 * Prices every transaction `store`'s client sends from now on (see above); any other write
 * command is counted, so a write outside a transaction cannot go unnoticed.
 */
export function meterTransactions(store: Store, scratch: Store) {
  let priced: PricedWrite[] = [];
  let otherWrites = 0;
  const send = store.client.send.bind(store.client) as (command: unknown) => Promise<unknown>;
  (store.client as { send: (command: unknown) => Promise<unknown> }).send = async (command: unknown) => {
    const out = await send(command);
    if (command instanceof TransactWriteCommand) {
      for (const write of command.input.TransactItems ?? []) {
        const p = await replay(scratch, write);
        if (p) priced.push(p);
      }
    } else if (/(Put|Update|Delete|BatchWrite)/.test((command as object).constructor.name)) otherWrites++;
    return out;
  };
  return {
    priced: () => [...priced],
    otherWrites: () => otherWrites,
    reset: () => {
      priced = [];
      otherWrites = 0;
    },
  };
}

/** Units and items of some priced writes, in all and by kind of item. */
function cost(writes: readonly PricedWrite[]) {
  const byKind: Record<string, { items: number; units: number }> = {};
  const indexes: Record<string, number> = {};
  for (const w of writes) {
    const k = byKind[w.kind] ?? { items: 0, units: 0 };
    byKind[w.kind] = { items: k.items + 1, units: k.units + w.units };
    for (const [name, u] of Object.entries(w.indexes)) indexes[name] = (indexes[name] ?? 0) + u;
  }
  return { units: writes.reduce((s, w) => s + w.units, 0), items: writes.length, byKind, indexes };
}

type Cost = ReturnType<typeof cost>;

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;

/**
 * Name pieces a lookup never picks while the query has any other piece: the query-side rule
 * of name-search.ts (`lookupBigram` skips the pieces nearly every company name has), found by
 * asking it rather than by copying its list. Their index entries are read only by a query
 * made of nothing but such pieces (`有限公司`), which reads half the index anyway.
 */
function neverPickedWithOthers(bigram: string): boolean {
  // Two characters no name piece list holds: a query of the piece and them offers the lookup
  // the piece first and another piece after it.
  return lookupBigram(`${bigram}〇〇`) !== bigram;
}

/**
 * Write units of `samples` registrations, publications of those, and registrations with
 * `publish: true`, through the records use cases on `store` (a client of its own: the meter
 * wraps it), priced on `scratch` (see above); and one registration with `publish: true` of a
 * name as long as the schema allows.
 */
export async function measureWriteCost(
  store: Store,
  scratch: Store,
  world: SeedWorld,
  agency: string,
  { samples = 20, longestName }: { samples?: number; longestName: (input: RecordInput) => RecordInput },
) {
  const meter = meterTransactions(store, scratch);
  const records = makeRecordUseCases({
    records: recordRepository(store),
    calendarYears: calendarYearsFrom(calendarRepository(store)),
    clock: systemClock,
  });
  const actor: Actor = { role: 'agency', id: agency };
  const today = shanghaiDate(new Date());
  const measure = async (write: () => Promise<unknown>): Promise<Cost> => {
    meter.reset();
    await write();
    if (meter.otherWrites() > 0) throw new Error('a record change wrote outside its transaction');
    return cost(meter.priced());
  };

  const registration: Cost[] = [];
  const publication: Cost[] = [];
  const both: Cost[] = [];
  const skippable: number[] = [];
  for (let i = 0; i < samples; i++) {
    let id = '';
    registration.push(
      await measure(async () => {
        id = (await records.register({ uscc: agency }, world.penaltyInput(today), { actor })).record.id;
      }),
    );
    publication.push(await measure(() => records.publish(agency, id, actor)));
    const input = world.penaltyInput(today);
    both.push(await measure(() => records.register({ uscc: agency }, input, { publish: true, actor })));
    skippable.push(nameBigrams(input.subject.name).filter(neverPickedWithOthers).length);
  }
  // A name as long as the schema allows: as many pieces as are indexed (MAX_NAME_BIGRAMS).
  const longInput = longestName(world.penaltyInput(today));
  const longest = await measure(() =>
    records.register({ uscc: agency }, longInput, { publish: true, actor }),
  );

  const avg = (list: readonly Cost[], f: (c: Cost) => number = (c) => c.units) => round(mean(list.map(f)), 1);
  const nameUnits = (c: Cost) => c.byKind.name_entries?.units ?? 0;
  const nameItems = (c: Cost) => c.byKind.name_entries?.items ?? 0;
  const kinds = [...new Set(both.flatMap((c) => Object.keys(c.byKind)))];
  const perKind = (list: readonly Cost[]) =>
    Object.fromEntries(
      kinds.map((k) => [
        k,
        {
          items: avg(list, (c) => c.byKind[k]?.items ?? 0),
          units: avg(list, (c) => c.byKind[k]?.units ?? 0),
        },
      ]),
    );
  const entries = mean(both.map(nameItems));
  const unitsPerEntry = mean(both.map(nameUnits)) / entries;
  return {
    figures: {
      registration_write_units: avg(registration),
      publication_write_units: avg(publication),
      register_and_publish_write_units: avg(both),
      register_and_publish_longest_name_write_units: longest.units,
      name_entries_write_share: round(mean(both.map(nameUnits)) / mean(both.map((c) => c.units)), 3),
    },
    detail: {
      samples,
      pricing:
        'table units of each write twice (transaction), plus its index units; replayed on a scratch table',
      items: {
        registration: avg(registration, (c) => c.items),
        publication: avg(publication, (c) => c.items),
        register_and_publish: avg(both, (c) => c.items),
      },
      register_and_publish_by_kind: perKind(both),
      publication_by_kind: perKind(publication),
      index_units: {
        registration: registration[0]?.indexes,
        publication: publication[0]?.indexes,
        register_and_publish: both[0]?.indexes,
      },
      longest_name: {
        characters: Array.from(longInput.subject.name).length,
        units: longest.units,
        items: longest.items,
        by_kind: longest.byKind,
      },
      // Options that would write fewer units (none is applied: record-items.ts is not the bench's).
      options: {
        // Index no piece a lookup skips whenever the query has another (有限, 公司, …) and refuse
        // a name query made only of those: entries and units one publication would save.
        skip_common_pieces: {
          entries_saved: round(mean(skippable), 1),
          units_saved: round(mean(skippable) * unitsPerEntry, 1),
        },
        // Write the name entries after the transaction, as standard writes (half the units),
        // a failed second step completed by the existing 'name-index' sweep.
        name_entries_outside_transaction: { units_saved: round(mean(both.map(nameUnits)) / 2, 1) },
      },
    },
  };
}
