import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSweeps } from '../../functions/sweeps/sweeps.ts';
import { meterReads } from '../../shared/store/capacity-meter.ts';
import type { Store } from '../../shared/store/client.ts';
import { deadlineEntry } from '../../shared/store/deadline-items.ts';
import { deadlineRepository } from '../../shared/store/deadline-repository.ts';
import { AGENCY_ACTOR } from '../support/domain-world.ts';
import { freshStore } from '../support/dynamodb.ts';
import { AGENCY, penaltyInput } from '../support/record-builders.ts';
import { timerWorld } from '../support/timers.ts';

const shanghai = (local: string) => `${local}+08:00`;

describe('sweeps under at-least-once delivery', () => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore();
  });

  it('lets two sweeps at once publish each due record exactly once', async () => {
    const world = timerWorld(store, shanghai('2026-06-01T10:00:00'));
    const ids = await Promise.all(
      Array.from(
        { length: 12 },
        async () =>
          (
            await world.useCases.register({ uscc: AGENCY }, penaltyInput({ decisionDate: '2026-06-01' }), {
              actor: AGENCY_ACTOR,
            })
          ).record.id,
      ),
    );

    world.time.set(shanghai('2026-07-01T00:05:00'));
    const [a, b] = await Promise.all([
      world.sweep('disclosure-deadlines'),
      world.sweep('disclosure-deadlines'),
    ]);
    const third = await world.sweep('disclosure-deadlines');

    expect((a.actions['auto-published'] ?? 0) + (b.actions['auto-published'] ?? 0)).toBe(12);
    expect(third.actions['auto-published']).toBeUndefined();
    const records = await Promise.all(ids.map((id) => world.records.get(id)));
    expect(records.every((r) => r?.status === 'published')).toBe(true);
    const overdue = (await world.events.list({ type: 'overdue', limit: 100 })).items.filter((e) =>
      ids.includes(e.subject.id),
    );
    expect(overdue).toHaveLength(12);
  });

  it('parks an item it cannot handle on the dead-letter list and goes on with the rest', async () => {
    const world = timerWorld(store, shanghai('2026-03-02T10:00:00'));
    const { record } = await world.useCases.register(
      { uscc: AGENCY },
      penaltyInput({ decisionDate: '2026-03-02' }),
      { actor: AGENCY_ACTOR },
    );
    // A record item damaged outside the service: it has lost its audit head.
    const broken = deadlineEntry('REC#rec_broken000000000000000000000', 'rec_broken000000000000000000000', {
      kind: 'disclosure-due',
      dueAt: '2026-03-01T00:00:00+08:00',
    });
    await store.client.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { pk: broken.pk, sk: 'REC', id: 'rec_broken000000000000000000000' },
      }),
    );
    await store.client.send(new PutCommand({ TableName: store.tableName, Item: broken.item }));

    world.time.set(shanghai('2026-03-20T00:05:00'));
    const report = await world.sweep('disclosure-deadlines');
    const again = await world.sweep('disclosure-deadlines');

    expect(report.deadLettered).toBe(1);
    expect((await world.records.get(record.id))?.status).toBe('published');
    expect(again.deadLettered).toBe(0);
    const parked = await deadlineRepository(store).deadLetters('disclosure-deadlines', 10);
    expect(parked).toHaveLength(1);
    expect(parked[0]?.deadLetter).toMatchObject({ error: expect.stringContaining('audit head') });
  });

  it('continues where it stopped when it runs out of time', async () => {
    const world = timerWorld(store, shanghai('2026-04-01T10:00:00'));
    await Promise.all(
      Array.from({ length: 10 }, () =>
        world.useCases.register({ uscc: AGENCY }, penaltyInput({ decisionDate: '2026-04-01' }), {
          actor: AGENCY_ACTOR,
        }),
      ),
    );
    world.time.set(shanghai('2026-04-20T00:05:00'));
    const sweeps = makeSweeps(store, world.time.clock, { autoPublish: true });

    let budget = 1;
    const cut = await sweeps('disclosure-deadlines', { timeLeft: () => budget-- > 0 });
    const rest = await sweeps('disclosure-deadlines');

    expect(cut.more).toBe(true);
    const published = (cut.actions['auto-published'] ?? 0) + (rest.actions['auto-published'] ?? 0);
    expect(published).toBe(10);
    expect(rest.more).toBe(false);
  });
});

describe('what a sweep reads', () => {
  const DUE = 20;

  /** Deadline entries far in the future: they fill the index but are never due. */
  async function seedNotDue(store: Store, count: number, offset: number) {
    const entries = Array.from({ length: count }, (_, i) => {
      const id = `rec_future${String(offset + i).padStart(21, '0')}`;
      return deadlineEntry(`REC#${id}`, id, { kind: 'disclosure-due', dueAt: '2030-01-01T00:00:00+08:00' })
        .item;
    });
    for (let i = 0; i < entries.length; i += 25) {
      await store.client.send(
        new BatchWriteCommand({
          RequestItems: {
            [store.tableName]: entries.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
          },
        }),
      );
    }
  }

  async function sweepCost(
    store: Store,
    decided: string,
    sweepAt: string,
  ): Promise<{ units: number; published: number; commands: Record<string, number> }> {
    const meter = meterReads(store.client);
    const world = timerWorld(store, shanghai(`${decided}T10:00:00`));
    await Promise.all(
      Array.from({ length: DUE }, () =>
        world.useCases.register({ uscc: AGENCY }, penaltyInput({ decisionDate: decided }), {
          actor: AGENCY_ACTOR,
        }),
      ),
    );
    world.time.set(shanghai(sweepAt));
    meter.reset();
    const report = await world.sweep('disclosure-deadlines');
    return {
      units: meter.readUnits(),
      published: report.actions['auto-published'] ?? 0,
      commands: { ...meter.commands() },
    };
  }

  it('costs the same on a table ten times larger, with the same number of due items, and never scans', async () => {
    const store = await freshStore();
    await seedNotDue(store, 150, 0);
    const small = await sweepCost(store, '2026-02-02', '2026-03-02T00:05:00');
    await seedNotDue(store, 1350, 150);
    const large = await sweepCost(store, '2026-05-06', '2026-06-02T00:05:00');

    expect(small.published).toBe(DUE);
    expect(large.published).toBe(DUE);
    expect(small.units).toBeGreaterThan(0);
    expect(large.units / small.units).toBeLessThanOrEqual(1.1);
    expect(large.units / DUE).toBeLessThanOrEqual(1);
    expect(large.commands.ScanCommand).toBeUndefined();
  });
});
