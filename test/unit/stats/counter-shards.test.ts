import { describe, expect, it } from 'vitest';
import { COUNTER_SHARDS, counterChanges } from '../../../shared/store/stats-items.ts';
import { penaltyOf, registered } from '../../support/domain-mothers.ts';
import { domainWorld } from '../../support/domain-world.ts';

describe('the counters of one agency and month', () => {
  it('are spread over shards by record, so rows registered at once rarely meet on one item', async () => {
    const world = domainWorld();
    const records = [];
    for (let i = 0; i < 64; i++) records.push(await registered(world, penaltyOf('2026-11-20')));

    const shards = records.map((r) => counterChanges(undefined, r).map((c) => c.shard));

    expect(shards.every((s) => s.length === 1)).toBe(true);
    expect(new Set(shards.flat()).size).toBe(COUNTER_SHARDS);
  });

  it('are moved within the record’s own shard when the record changes month', async () => {
    const world = domainWorld();
    const record = await registered(world, penaltyOf('2026-11-20'));
    const moved = { ...record, content: { ...record.content, decisionDate: '2026-10-20' } };

    const changes = counterChanges(record, moved);

    expect(changes.map((c) => c.month).sort()).toEqual(['2026-10', '2026-11']);
    expect(new Set(changes.map((c) => c.shard)).size).toBe(1);
  });
});
