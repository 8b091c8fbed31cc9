import { describe, expect, it } from 'vitest';
import {
  addMonths,
  PUBLICATION_REGIMES,
  publicationWindow,
  regimeFor,
} from '../../../shared/domain/policy/publication-periods.ts';

describe('publicationWindow under NDRC Order No. 36 (decisions from 2026-04-01)', () => {
  it.each([
    ['general', '2026-08-11', '2027-05-10'],
    ['serious', '2027-05-11', '2029-05-10'],
  ] as const)(
    'publishes a %s penalty with a minimum and a maximum',
    (severity, repairFrom, publishedUntil) => {
      expect(publicationWindow('2026-05-10', severity)).toEqual({
        regime: 'order-36',
        repairFrom,
        publishedUntil,
      });
    },
  );

  it('gives a minor penalty no minimum and at most three months', () => {
    expect(publicationWindow('2026-05-10', 'minor')).toEqual({
      regime: 'order-36',
      repairFrom: undefined,
      publishedUntil: '2026-08-10',
    });
  });

  it('applies from its first day, 2026-04-01', () => {
    expect(publicationWindow('2026-04-01', 'general')?.regime).toBe('order-36');
  });
});

describe('earlier regimes, by decision date', () => {
  it('puts a decision of 2026-03-31 under Order No. 58', () => {
    expect(publicationWindow('2026-03-31', 'general')).toEqual({
      regime: 'order-58',
      repairFrom: '2026-07-01',
      publishedUntil: '2029-03-31',
    });
  });

  it('puts a decision before 2023-05-01 under notice 527 (general 3 months to 1 year, serious 6 months to 3 years)', () => {
    expect(publicationWindow('2023-04-30', 'general')).toEqual({
      regime: 'notice-527',
      repairFrom: '2023-07-31',
      publishedUntil: '2024-04-30',
    });
    expect(publicationWindow('2023-04-30', 'serious')).toMatchObject({
      repairFrom: '2023-10-31',
      publishedUntil: '2026-04-30',
    });
  });

  it('knows no regime before 2019-07-01', () => {
    expect(regimeFor('2019-06-30')).toBeUndefined();
    expect(publicationWindow('2019-06-30', 'general')).toBeUndefined();
  });

  it('keeps each regime with its source, newest first, and marks Order No. 58 unconfirmed', () => {
    const froms = PUBLICATION_REGIMES.map((r) => r.from);

    expect(froms).toEqual([...froms].sort().reverse());
    for (const regime of PUBLICATION_REGIMES) expect(regime.basis).toMatch(/\S/);
    expect(PUBLICATION_REGIMES.find((r) => r.name === 'order-58')?.confirmed).toBe(false);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-05-10', 12, '2027-05-10'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2024-02-29', 12, '2025-02-28'],
  ])('takes %s plus %i months to %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
