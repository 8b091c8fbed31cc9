import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntryFor } from '../../shared/domain/audit.ts';
import { ConflictError } from '../../shared/domain/errors.ts';
import { monthsBetween } from '../../shared/domain/stats/period.ts';
import { timelinessByAgency, timelinessFromCounts } from '../../shared/domain/stats/timeliness.ts';
import { recordInputSchema } from '../../shared/schemas/records/record-input.ts';
import { meterReads } from '../../shared/store/capacity-meter.ts';
import type { Store } from '../../shared/store/client.ts';
import { statsPartition } from '../../shared/store/stats-items.ts';
import { rebuildAllCounters, statsRepository } from '../../shared/store/stats-repository.ts';
import { AGENCY_ACTOR } from '../support/domain-world.ts';
import { freshStore } from '../support/dynamodb.ts';
import { AGENCY, OTHER_AGENCY, penaltyInput } from '../support/record-builders.ts';
import { timerWorld } from '../support/timers.ts';

const shanghai = (local: string) => `${local}+08:00`;
const MONTHS = monthsBetween('2026-01', '2026-12');
const validate = (content: unknown) => recordInputSchema.parse(content);
const OTHER_ACTOR = { role: 'agency', id: OTHER_AGENCY } as const;

/**
 * The counters kept by the record writes, checked after each step against the figures
 * counted record by record (the full scan the statistics used to do on every call).
 */
// A walk through a record's life, many writes each: generous on a busy machine.
describe('timeliness counters kept in the record transactions', { timeout: 60_000 }, () => {
  let store: Store;
  let stats: ReturnType<typeof statsRepository>;
  beforeAll(async () => {
    store = await freshStore();
    stats = statsRepository(store);
  });

  async function fromCounters(now: Date) {
    return timelinessFromCounts(await stats.counts(MONTHS), now);
  }
  async function fromScan(now: Date) {
    return timelinessByAgency(await stats.figures('2026-01-01', '2026-12-31'), now);
  }
  /** The figures from the counters, asserted equal to the full scan's. */
  async function figures(now: Date) {
    const counted = await fromCounters(now);
    expect(counted).toEqual(await fromScan(now));
    return Object.fromEntries(counted.map((row) => [row.agency, row]));
  }
  async function counterItems() {
    const out = await Promise.all(
      MONTHS.map((month) =>
        store.client.send(
          new QueryCommand({
            TableName: store.tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': statsPartition(month) },
            ConsistentRead: true,
          }),
        ),
      ),
    );
    return out.flatMap((page) => page.Items ?? []);
  }

  it('follow registration, publication, the overdue sweep, late and automatic publication, correction and revocation', async () => {
    // The agency's own worlds: the overdue sweep with automatic publication off, and on.
    const manual = timerWorld(store, shanghai('2026-06-05T10:00:00'), { autoPublish: false });
    const auto = timerWorld(store, shanghai('2026-06-05T10:00:00'), { autoPublish: true });
    const now = () => manual.time.clock();
    const setTime = (iso: string) => {
      manual.time.set(iso);
      auto.time.set(iso);
    };
    const register = (decisionDate: string, publish = false, who = AGENCY) =>
      manual.useCases.register({ uscc: who }, penaltyInput({ decisionDate }), {
        publish,
        actor: who === AGENCY ? AGENCY_ACTOR : OTHER_ACTOR,
      });

    const a1 = (await register('2026-06-01')).record;
    const a2 = (await register('2026-06-02')).record;
    const a3 = (await register('2026-06-03')).record;
    const a4 = (await register('2026-06-04', true)).record;
    await register('2026-06-01', false, OTHER_AGENCY);
    expect((await figures(now()))[AGENCY]).toMatchObject({
      registered: 4,
      publishedOnTime: 1,
      pending: 3,
      unpublishedOverdue: 0,
    });

    await manual.useCases.publish(AGENCY, a1.id, AGENCY_ACTOR);
    expect((await figures(now()))[AGENCY]).toMatchObject({ publishedOnTime: 2, pending: 2 });

    // Past the deadlines of a2 and a3 (7 working days): overdue by the clock before any sweep…
    setTime(shanghai('2026-06-20T10:00:00'));
    expect((await figures(now()))[AGENCY]).toMatchObject({ unpublishedOverdue: 2, pending: 0 });
    // …and still after the sweep marks them (it may not publish them: automatic publication off).
    const swept = await manual.sweep('disclosure-deadlines');
    expect(swept.actions['marked-overdue']).toBe(3);
    expect((await figures(now()))[AGENCY]).toMatchObject({ unpublishedOverdue: 2, pending: 0 });

    await manual.useCases.publish(AGENCY, a2.id, AGENCY_ACTOR);
    expect((await figures(now()))[AGENCY]).toMatchObject({ publishedLate: 1, unpublishedOverdue: 1 });

    // The sweep publishing a record late by itself.
    const c1 = (await register('2026-06-19')).record;
    expect((await figures(now()))[AGENCY]).toMatchObject({ pending: 1, unpublishedOverdue: 1 });
    setTime(shanghai('2026-07-03T10:00:00'));
    const published = await auto.sweep('disclosure-deadlines');
    expect(published.actions['auto-published']).toBeGreaterThanOrEqual(1);
    expect((await auto.records.get(c1.id))?.publication?.by).toBe('system');
    expect((await figures(now()))[AGENCY]).toMatchObject({ publishedLate: 2, pending: 0 });

    // A correction moving a decision into May takes the record out of June's counters.
    await manual.useCases.correct(
      AGENCY,
      a3.id,
      { changes: { decisionDate: '2026-05-29' }, reason: '决定日期录入错误' },
      validate,
      AGENCY_ACTOR,
    );
    const may = timelinessFromCounts(await stats.counts(['2026-05']), now());
    expect(may).toEqual([expect.objectContaining({ agency: AGENCY, registered: 1, unpublishedOverdue: 1 })]);
    await figures(now());

    await manual.useCases.revoke(AGENCY, a4.id, '决定已被撤销', AGENCY_ACTOR);
    expect((await figures(now()))[AGENCY]).toMatchObject({ registered: 4, publishedOnTime: 1 });
  });

  it('count every one of many registrations written at once (ADD, never read-modify-write)', async () => {
    const world = timerWorld(store, shanghai('2026-09-10T10:00:00'));
    const before = (await figures(world.time.clock()))[AGENCY]?.registered ?? 0;

    await Promise.all(
      Array.from({ length: 16 }, () =>
        world.useCases.register({ uscc: AGENCY }, penaltyInput({ decisionDate: '2026-09-08' }), {
          publish: true,
          actor: AGENCY_ACTOR,
        }),
      ),
    );

    expect((await figures(world.time.clock()))[AGENCY]?.registered).toBe(before + 16);
  });

  it('stay as they were when the record write fails', async () => {
    const world = timerWorld(store, shanghai('2026-10-12T10:00:00'));
    const input = penaltyInput({ decisionDate: '2026-10-09' });
    const { record } = await world.useCases.register({ uscc: AGENCY }, input, { actor: AGENCY_ACTOR });
    const counters = await counterItems();

    // The same document number with other content: refused (before any write).
    await expect(
      world.useCases.register({ uscc: AGENCY }, { ...input, remarks: '另一份' }, { actor: AGENCY_ACTOR }),
    ).rejects.toBeInstanceOf(ConflictError);
    // A publication written over a revision that has moved on: the transaction, counters
    // included, fails on the record's condition.
    const at = world.time.clock();
    const stale = { ...record, revision: record.revision - 1 };
    const publication = await world.useCases.publishAt(record, at, 'agency');
    const audit = auditEntryFor(record, publication, { actor: AGENCY_ACTOR, action: 'record.published', at });
    await expect(world.records.save(stale, { ...publication, head: audit }, audit)).rejects.toBeInstanceOf(
      ConflictError,
    );

    expect(await counterItems()).toEqual(counters);
  });

  it('are rebuilt from the records, month by month, to the same figures', async () => {
    const now = new Date('2026-10-20T00:00:00Z');
    const kept = await fromCounters(now);
    for (const item of await counterItems()) {
      await store.client.send(
        new DeleteCommand({ TableName: store.tableName, Key: { pk: item.pk, sk: item.sk } }),
      );
    }
    expect(await fromCounters(now)).toEqual([]);

    // Every month from 2004 on, as the backfill and the import run it.
    const rebuilt = await rebuildAllCounters(store, now);
    expect(rebuilt.records).toBe((await stats.figures('2004-01-01', '2026-12-31')).length);

    expect(await fromCounters(now)).toEqual(kept);
    expect(await fromCounters(now)).toEqual(await fromScan(now));
  });

  it('are read at a cost that does not grow with the records of the period', async () => {
    const world = timerWorld(store, shanghai('2026-11-20T10:00:00'));
    const metered = statsRepository(store);
    const meter = meterReads(store.client);
    const cost = async () => {
      meter.reset();
      await metered.counts(MONTHS);
      return meter.readUnits();
    };
    const register = (publish: boolean) =>
      world.useCases.register({ uscc: AGENCY }, penaltyInput({ decisionDate: '2026-11-02' }), {
        publish,
        actor: AGENCY_ACTOR,
      });
    // One record makes the agency's November counter item; the cost then follows items.
    await register(false);
    const few = await cost();

    for (let i = 0; i < 30; i++) await register(i % 2 === 0);

    expect(await cost()).toBe(few);
    await figures(world.time.clock());
  });
});

/**
 * DynamoDB cancels a transaction that meets another one on the same item (TransactionConflict);
 * DynamoDB Local queues them instead, so its answer is played here, before the request leaves.
 */
describe('a counter item held by another transaction', { timeout: 60_000 }, () => {
  function conflictOnCounters(store: Store, times: number) {
    let left = times;
    store.client.middlewareStack.add(
      (next) => async (args) => {
        const items = (args.input as { TransactItems?: { Update?: { Key?: { pk?: string } } }[] })
          .TransactItems;
        const counter = items?.findIndex((item) => item.Update?.Key?.pk?.startsWith('STATS#')) ?? -1;
        if (counter < 0 || left === 0) return next(args);
        left--;
        throw new TransactionCanceledException({
          message: 'Transaction cancelled',
          $metadata: { httpStatusCode: 400, attempts: 1 },
          CancellationReasons: (items ?? []).map((_, i) => ({
            Code: i === counter ? 'TransactionConflict' : 'None',
          })),
        });
      },
      { step: 'initialize', name: 'counterConflict' },
    );
    return { tried: () => times - left };
  }

  it('tries the write again and counts it once', async () => {
    const store = await freshStore();
    const world = timerWorld(store, shanghai('2026-10-12T10:00:00'));
    const conflicts = conflictOnCounters(store, 2);

    await world.useCases.register({ uscc: AGENCY }, penaltyInput({ decisionDate: '2026-10-09' }), {
      publish: true,
      actor: AGENCY_ACTOR,
    });

    expect(conflicts.tried()).toBe(2);
    const rows = timelinessFromCounts(await statsRepository(store).counts(['2026-10']), world.time.clock());
    expect(rows).toEqual([expect.objectContaining({ agency: AGENCY, registered: 1, publishedOnTime: 1 })]);
  });

  it('gives up after a few tries with a conflict, and nothing is written', async () => {
    const store = await freshStore();
    const world = timerWorld(store, shanghai('2026-10-12T10:00:00'));
    conflictOnCounters(store, Number.POSITIVE_INFINITY);

    await expect(
      world.useCases.register({ uscc: AGENCY }, penaltyInput({ decisionDate: '2026-10-09' }), {
        actor: AGENCY_ACTOR,
      }),
    ).rejects.toBeInstanceOf(ConflictError);

    expect(await statsRepository(store).counts(['2026-10'])).toEqual([]);
    expect(await statsRepository(store).figures('2026-10-01', '2026-10-31')).toEqual([]);
  });
});
