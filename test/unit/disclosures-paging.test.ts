import { describe, expect, it } from 'vitest';
import type { PublicSearch, RecordStore } from '../../shared/domain/records/ports.ts';
import { EARLIEST_DECISION_YEAR } from '../../shared/domain/records/public-range.ts';
import {
  makePublicDisclosureUseCases,
  PUBLIC_WALK_BUDGET,
} from '../../shared/domain/records/public-use-cases.ts';
import { publishedPenalty, registered } from '../support/domain-mothers.ts';
import { type DomainWorld, domainWorld } from '../support/domain-world.ts';
import { AGENCY } from '../support/record-builders.ts';
import { naturalPersonPenalty } from '../support/record-mothers.ts';

/*
 * A public search answers within a bounded amount of work: its range is clamped to the years
 * that can hold records, it walks on past pages with nothing to show (within a budget), and
 * an empty answer carries a cursor only when more may follow.
 */

/** The world's public reads on its clock, and every query they put to the store. */
function observed(world: DomainWorld) {
  const queries: PublicSearch[] = [];
  const records: RecordStore = {
    ...world.records,
    searchPublic: (query) => {
      queries.push(query);
      return world.records.searchPublic(query);
    },
  };
  return { disclosures: makePublicDisclosureUseCases({ records, clock: world.time.clock }), queries };
}

/** `count` published penalties about natural persons: indexed, never shown. */
async function hiddenRecords(world: DomainWorld, count: number, decisionDate = '2026-11-20') {
  for (let i = 0; i < count; i++) await registered(world, naturalPersonPenalty({ decisionDate }), true);
}

describe('the range of a public search', () => {
  it('asks the store only for the years that can hold records', async () => {
    const world = domainWorld('2026-12-04T10:00:00+08:00');
    const shown = await publishedPenalty(world, '2026-11-02');
    const { disclosures, queries } = observed(world);

    const page = await disclosures.search({ from: '1000-01-01', to: '9999-12-31', limit: 20 });

    expect(page.items.map((r) => r.id)).toEqual([shown.id]);
    expect(page.cursor).toBeUndefined();
    expect(queries).toEqual([
      expect.objectContaining({ from: `${EARLIEST_DECISION_YEAR}-01-01`, to: '2026-12-31' }),
    ]);
  });

  it.each([
    ['from after this year', { from: '2027-01-01' }],
    ['to before the earliest year', { to: `${EARLIEST_DECISION_YEAR - 1}-12-31` }],
    ['a range wholly in the future', { from: '9000-01-01', to: '9999-12-31' }],
  ])('answers %s at once, empty and without a cursor', async (_, range) => {
    const world = domainWorld();
    await publishedPenalty(world, '2026-11-02');
    const { disclosures, queries } = observed(world);

    const page = await disclosures.search({ ...range, limit: 20 });

    expect(page).toEqual({ items: [], total: 0, totalCapped: false });
    expect(queries).toEqual([]);
  });

  it('leaves bounds the caller did not give absent, so cursors stay bound to the same query', async () => {
    const world = domainWorld();
    const { disclosures, queries } = observed(world);

    await disclosures.search({ agency: AGENCY, limit: 5 });

    expect(queries[0]).not.toHaveProperty('from');
    expect(queries[0]).not.toHaveProperty('to');
  });
});

describe('pages with nothing to show', () => {
  it('walks on to the first page that has something to show', async () => {
    const world = domainWorld();
    const shown = await publishedPenalty(world, '2026-11-02');
    await hiddenRecords(world, 12);
    const { disclosures, queries } = observed(world);

    const page = await disclosures.search({ agency: AGENCY, limit: 5 });

    expect(page.items.map((r) => r.id)).toEqual([shown.id]);
    expect(page.cursor).toBeUndefined();
    expect(queries).toHaveLength(3);
  });

  it('answers an empty page without a cursor when the walk reached the end', async () => {
    const world = domainWorld();
    await hiddenRecords(world, 7);
    const { disclosures } = observed(world);

    const page = await disclosures.search({ agency: AGENCY, limit: 5 });

    expect(page).toEqual({ items: [], cursor: undefined });
  });

  it('stops within its budget with a cursor to go on from, and the next answers reach the end', async () => {
    const world = domainWorld();
    const pagesOfHidden = PUBLIC_WALK_BUDGET.pages * 2 + 1;
    await hiddenRecords(world, 5 * pagesOfHidden - 1);
    const { disclosures, queries } = observed(world);

    const first = await disclosures.search({ agency: AGENCY, limit: 5 });
    const second = await disclosures.search({ agency: AGENCY, limit: 5, cursor: first.cursor });
    const third = await disclosures.search({ agency: AGENCY, limit: 5, cursor: second.cursor });

    expect(first.items).toEqual([]);
    expect(first.cursor).toBeDefined();
    expect(second.items).toEqual([]);
    expect(third).toEqual({ items: [], cursor: undefined });
    expect(queries).toHaveLength(pagesOfHidden);
  });

  it('walks an entity’s own list the same way', async () => {
    const world = domainWorld();
    const shown = await publishedPenalty(world, '2026-11-02');
    await hiddenRecords(world, 3);
    // The store lists hidden records under the entity too (entries gone stale since indexing).
    const records: RecordStore = {
      ...world.records,
      searchPublic: (q) => world.records.searchPublic({ ...q, uscc: undefined, agency: AGENCY }),
    };
    const reads = makePublicDisclosureUseCases({ records, clock: world.time.clock });

    const page = await reads.forEntity(shown.content.subject.uscc ?? '', { limit: 2 });

    expect(page.items.map((r) => r.id)).toEqual([shown.id]);
    expect(page.cursor).toBeUndefined();
  });
});
