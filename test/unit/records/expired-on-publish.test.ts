import { describe, expect, it } from 'vitest';
import { penaltyOf, registered } from '../../support/domain-mothers.ts';
import { domainWorld } from '../../support/domain-world.ts';

describe('a penalty published after its maximum period ended', () => {
  it('is ended at once, never listed, with no expiry timer left to run', async () => {
    const world = domainWorld();

    const record = await registered(world, penaltyOf('2021-03-01'), true);

    expect(record).toMatchObject({
      status: 'published',
      publicationEnd: { at: world.time.clock().toISOString(), reason: 'expired' },
    });
    expect([...world.table.deadlines.keys()].filter((k) => k.includes(record.id))).toEqual([]);
    expect((await world.disclosures.search({ limit: 20 })).items).toEqual([]);
  });

  it('is published as usual while its period runs', async () => {
    const world = domainWorld();

    const record = await registered(world, penaltyOf('2026-11-20'), true);

    expect(record.publicationEnd).toBeUndefined();
    expect((await world.disclosures.search({ limit: 20 })).items.map((r) => r.id)).toEqual([record.id]);
  });
});
