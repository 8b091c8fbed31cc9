import { describe, expect, it } from 'vitest';
import { makePublicDisclosureUseCases } from '../../shared/domain/records/public-use-cases.ts';
import { publishedPenalty } from '../support/domain-mothers.ts';
import { type DomainWorld, domainWorld } from '../support/domain-world.ts';
import { AGENCY, COMPANY } from '../support/record-builders.ts';

/*
 * A penalty whose maximum publication period is over is never shown, whether or not the
 * daily expiry sweep has run yet (山东省社会信用条例 第59条(五)).
 */

const reads = (world: DomainWorld) =>
  makePublicDisclosureUseCases({ records: world.records, clock: world.time.clock });

/** Every public read that could show `id`: the record, the search, the entity's own list. */
async function publicSightings(world: DomainWorld, id: string): Promise<string[]> {
  const disclosures = reads(world);
  const seen: string[] = [];
  const found = await disclosures.get(id).then(
    () => true,
    () => false,
  );
  if (found) seen.push('detail');
  if ((await disclosures.search({ agency: AGENCY, limit: 20 })).items.some((r) => r.id === id))
    seen.push('search');
  if ((await disclosures.search({ limit: 20 })).items.some((r) => r.id === id)) seen.push('latest');
  if ((await disclosures.forEntity(COMPANY, { limit: 20 })).items.some((r) => r.id === id))
    seen.push('entity');
  return seen;
}

describe('the publication window at read time', () => {
  it('never shows a penalty registered and published after its maximum period ended', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    // A general penalty under notice 527 is published for at most 1 year: until 2023-01-10.
    const late = await publishedPenalty(world, '2022-01-10');

    expect(late.status).toBe('published');
    expect(await publicSightings(world, late.id)).toEqual([]);
    await expect(reads(world).get(late.id)).rejects.toMatchObject({ code: 'disclosure_not_found' });
  });

  it('stops showing a penalty at 24:00 of its last day, before the sweep has run', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    // A general penalty under Order 36: published for at most 1 year, until 2027-04-10.
    const record = await publishedPenalty(world, '2026-04-10');

    world.time.set('2027-04-10T23:59:59+08:00');
    const lastMoment = await publicSightings(world, record.id);
    world.time.set('2027-04-11T00:00:00+08:00');
    const afterwards = await publicSightings(world, record.id);

    expect(lastMoment).toEqual(['detail', 'search', 'latest', 'entity']);
    expect(afterwards).toEqual([]);
  });
});
