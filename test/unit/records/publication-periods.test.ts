import { describe, expect, it } from 'vitest';
import {
  addMonths,
  PERIOD_RULES,
  PUBLICATION_REGIMES,
  regimeFor,
} from '../../../shared/domain/policy/publication-periods.ts';
import {
  legalMaximum,
  type PenaltyTerms,
  publicationWindow,
} from '../../../shared/domain/policy/publication-window.ts';

const general: PenaltyTerms = { severity: 'general', categories: ['罚款'] };
const serious: PenaltyTerms = { severity: 'serious', categories: ['罚款'] };
const minor: PenaltyTerms = { severity: 'minor', categories: ['罚款'] };

describe('publicationWindow under NDRC Order No. 36 (decisions from 2026-04-01)', () => {
  it.each([
    ['general', general, '2026-08-11', '2027-05-10'],
    ['serious', serious, '2027-05-11', '2029-05-10'],
  ] as const)(
    'publishes a %s penalty with a minimum and a maximum',
    (_, terms, repairFrom, publishedUntil) => {
      expect(publicationWindow('2026-05-10', terms)).toEqual({
        regime: 'order-36',
        basis: '国家发展改革委令第36号（2026年4月1日起施行）',
        repairFrom,
        publishedUntil,
        endsBy: 'regime_maximum',
        capFrom: 'decision_date',
      });
    },
  );

  it('gives a minor penalty no minimum and at most three months', () => {
    expect(publicationWindow('2026-05-10', minor)).toMatchObject({
      regime: 'order-36',
      repairFrom: undefined,
      publishedUntil: '2026-08-10',
    });
  });

  it('applies from its first day, 2026-04-01', () => {
    expect(publicationWindow('2026-04-01', general).regime).toBe('order-36');
  });
});

describe('NDRC Order No. 58 (2023-05-01 to 2026-03-31): periods keyed by sector, not severity', () => {
  it('allows repair of a serious penalty decided 2024-06-15 outside the special sectors after 3 months', () => {
    expect(publicationWindow('2024-06-15', { ...serious, sector: 'other' })).toMatchObject({
      regime: 'order-58',
      repairFrom: '2024-09-16',
      publishedUntil: '2027-06-15',
    });
  });

  it('treats a penalty without a sector as outside the special sectors', () => {
    expect(publicationWindow('2024-06-15', serious).repairFrom).toBe('2024-09-16');
  });

  it.each(['work_safety', 'special_equipment', 'fire_safety'] as const)(
    'allows repair of a penalty in %s (特种设备、安全生产、消防) only after 1 year',
    (sector) => {
      expect(publicationWindow('2024-06-15', { ...general, sector })).toMatchObject({
        regime: 'order-58',
        repairFrom: '2025-06-16',
        publishedUntil: '2027-06-15',
      });
    },
  );

  it('gives every class the same 3 months to 3 years', () => {
    const windows = [minor, general, serious].map((terms) => publicationWindow('2026-03-31', terms));

    expect(new Set(windows.map((w) => `${w.repairFrom}/${w.publishedUntil}`))).toEqual(
      new Set(['2026-07-01/2029-03-31']),
    );
  });

  it('leaves the sector out of the other regimes', () => {
    expect(publicationWindow('2026-05-10', { ...general, sector: 'work_safety' }).repairFrom).toBe(
      '2026-08-11',
    );
  });
});

describe('notice 527 (2019-07-01 to 2023-04-30)', () => {
  it('gives general 3 months to 1 year and serious 6 months to 3 years', () => {
    expect(publicationWindow('2023-04-30', general)).toMatchObject({
      regime: 'notice-527',
      repairFrom: '2023-07-31',
      publishedUntil: '2024-04-30',
    });
    expect(publicationWindow('2023-04-30', serious)).toMatchObject({
      repairFrom: '2023-10-31',
      publishedUntil: '2026-04-30',
    });
  });
});

describe('the five-year cap of 山东省社会信用条例 第38条', () => {
  it('ends a general penalty decided 2018-03-01, before any regime, by the cap, and lets it be repaired', () => {
    expect(publicationWindow('2018-03-01', general)).toEqual({
      regime: 'before-2019',
      basis: PERIOD_RULES.noRegime.basis,
      repairFrom: '2018-03-02',
      publishedUntil: '2023-03-01',
      endsBy: 'five_year_cap',
      capFrom: 'decision_date',
    });
    expect(regimeFor('2019-06-30').name).toBe('before-2019');
  });

  it('counts the cap from the end of the misconduct (自失信行为终止之日起): ended 2022-01-10, capped 2027-01-10', () => {
    const window = publicationWindow('2024-06-15', { ...serious, misconductEndedOn: '2022-01-10' });

    expect(window).toMatchObject({
      publishedUntil: '2027-01-10',
      endsBy: 'five_year_cap',
      capFrom: 'misconduct_end',
    });
  });

  it('keeps the regime maximum when it ends before the cap', () => {
    expect(publicationWindow('2026-05-10', { ...general, misconductEndedOn: '2025-01-10' })).toMatchObject({
      publishedUntil: '2027-05-10',
      endsBy: 'regime_maximum',
      capFrom: 'misconduct_end',
    });
  });
});

describe("a record's own period (SAMR Order No. 45 第13条; 公示截止期)", () => {
  const restriction: PenaltyTerms = { severity: 'serious', categories: ['罚款', '限制从业'] };

  it('publishes a 限制从业 of more than 3 years for the actual restriction, within the five-year cap', () => {
    expect(publicationWindow('2026-05-10', { ...restriction, validUntil: '2030-05-10' })).toMatchObject({
      publishedUntil: '2030-05-10',
      endsBy: 'restriction_period',
    });
    expect(publicationWindow('2026-05-10', { ...restriction, validUntil: '2036-05-10' })).toMatchObject({
      publishedUntil: '2031-05-10',
      endsBy: 'five_year_cap',
    });
  });

  it('takes the longest period when a decision has several penalty types', () => {
    // 罚款 alone: 3 years under Order No. 36 (serious); with 限制开展生产经营活动 for 4 years: 4 years.
    const terms = { ...restriction, categories: ['罚款', '限制开展生产经营活动'], validUntil: '2030-05-10' };

    expect(publicationWindow('2026-05-10', terms).publishedUntil).toBe('2030-05-10');
    expect(publicationWindow('2026-05-10', { ...terms, categories: ['罚款'] }).publishedUntil).toBe(
      '2029-05-10',
    );
  });

  it('ignores a restriction of 3 years or less, and a 处罚有效期 of a penalty that restricts nothing', () => {
    expect(publicationWindow('2026-05-10', { ...restriction, validUntil: '2029-05-10' }).endsBy).toBe(
      'regime_maximum',
    );
    expect(publicationWindow('2026-05-10', { ...serious, validUntil: '2030-05-10' }).publishedUntil).toBe(
      '2029-05-10',
    );
  });

  it("ends on the agency's 公示截止期 when it is within the legal maximum", () => {
    expect(publicationWindow('2026-05-10', { ...general, publicationEndsOn: '2026-11-10' })).toMatchObject({
      publishedUntil: '2026-11-10',
      endsBy: 'agency_date',
    });
  });

  it('tells what the legal maximum is, without the agency date, for validation', () => {
    expect(legalMaximum('2026-05-10', { ...general, publicationEndsOn: '2030-01-01' })).toEqual({
      publishedUntil: '2027-05-10',
      endsBy: 'regime_maximum',
      capFrom: 'decision_date',
    });
  });
});

describe('the policy table', () => {
  it('keeps each regime with its source, newest first, and marks Order No. 58 unconfirmed', () => {
    const froms = PUBLICATION_REGIMES.map((r) => r.from);

    expect(froms).toEqual([...froms].sort().reverse());
    for (const regime of PUBLICATION_REGIMES) expect(regime.basis).toMatch(/\S/);
    expect(PUBLICATION_REGIMES.find((r) => r.name === 'order-58')?.confirmed).toBe(false);
  });

  it('names the article of every rule that bounds a period', () => {
    expect(PERIOD_RULES.fiveYearCap.basis).toContain('第38条');
    expect(PERIOD_RULES.restriction.basis).toContain('第13条');
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
