import { addDays, type IsoDate } from '../dates.ts';
import { RESTRICTION_CATEGORIES, type Sector, type Severity } from '../records/vocabulary.ts';
import {
  addMonths,
  type Months,
  PERIOD_RULES,
  type PublicationRegime,
  regimeFor,
} from './publication-periods.ts';

/**
 * A penalty's publication window from the policy table (publication-periods.ts): which regime,
 * the first day of repair, the last day of publication and which rule set it.
 */

/** What of a penalty record decides its publication window. */
export interface PenaltyTerms {
  readonly severity: Severity;
  readonly categories: readonly string[];
  readonly sector?: Sector | undefined;
  /** 处罚有效期: for a restriction, the day it ends. */
  readonly validUntil?: IsoDate | undefined;
  /** 失信行为终止日期: where the five-year cap starts. */
  readonly misconductEndedOn?: IsoDate | undefined;
  /** 公示截止期 the agency supplied, within the legal maximum. */
  readonly publicationEndsOn?: IsoDate | undefined;
}

/** The rule that set the last day of publication. */
export const PUBLICATION_ENDS = [
  'regime_maximum',
  'restriction_period',
  'five_year_cap',
  'agency_date',
] as const;
export type PublicationEnd = (typeof PUBLICATION_ENDS)[number];

export const PUBLICATION_END_LABELS: Readonly<Record<PublicationEnd, string>> = {
  regime_maximum: '所适用规定的最长公示期限',
  restriction_period: '实际限制期限（限制从业等超过三年）',
  five_year_cap: '失信信息披露五年上限',
  agency_date: '决定机关填报的公示截止期',
};

/** Where the five-year cap is counted from (条例 第38条: 自失信行为终止之日起). */
export const CAP_STARTS = ['misconduct_end', 'decision_date'] as const;
export type CapStart = (typeof CAP_STARTS)[number];

export const CAP_START_LABELS: Readonly<Record<CapStart, string>> = {
  misconduct_end: '五年上限自失信行为终止之日起算',
  decision_date: '五年上限自处罚决定日期起算（未填失信行为终止日期）',
};

export interface PublicationWindow {
  readonly regime: string;
  /** The regime's source, which a document relying on the period cites (the repair decision). */
  readonly basis: string;
  /** First day a credit-repair application may be filed; undefined if there is no minimum. */
  readonly repairFrom: IsoDate | undefined;
  /** Last day the record is published; it stops at the end of this day. */
  readonly publishedUntil: IsoDate;
  readonly endsBy: PublicationEnd;
  /** Where the five-year cap was counted from: the end of the misconduct if known, else the decision. */
  readonly capFrom: CapStart;
}

/**
 * The legal maximum of a penalty's publication, before any date the agency supplies: the
 * regime's maximum for its class, the actual restriction where that is longer than three years
 * (SAMR Order No. 45 第13条), and never beyond five years from the end of the misconduct
 * (条例 第38条; the decision date when that end is not recorded).
 */
export function legalMaximum(
  decisionDate: IsoDate,
  terms: PenaltyTerms,
): Pick<PublicationWindow, 'publishedUntil' | 'endsBy' | 'capFrom'> {
  const regime = regimeFor(decisionDate);
  let until = addMonths(decisionDate, regime.periods[terms.severity].maximum.months);
  let endsBy: PublicationEnd = 'regime_maximum';
  const restrictionEnd = terms.validUntil;
  if (
    restrictionEnd &&
    terms.categories.some((c) => RESTRICTION_CATEGORIES.has(c)) &&
    restrictionEnd > addMonths(decisionDate, PERIOD_RULES.restriction.overMonths) &&
    restrictionEnd > until
  ) {
    until = restrictionEnd;
    endsBy = 'restriction_period';
  }
  const capFrom = terms.misconductEndedOn ? 'misconduct_end' : 'decision_date';
  const cap = addMonths(terms.misconductEndedOn ?? decisionDate, PERIOD_RULES.fiveYearCap.months);
  if (cap <= until) {
    until = cap;
    endsBy = 'five_year_cap';
  }
  return { publishedUntil: until, endsBy, capFrom };
}

/**
 * The publication window of a penalty decided on `decisionDate`. Periods run from the
 * decision date, which is not counted, and end on the corresponding day of the last month
 * (民法典 第201、202条): a 1-year maximum from 2026-05-10 ends with 2027-05-10, and a
 * 3-month minimum from the same day allows a repair filing from 2026-08-11. Where the regime
 * keys a longer minimum by sector, the longer one applies.
 */
export function publicationWindow(decisionDate: IsoDate, terms: PenaltyTerms): PublicationWindow {
  const regime = regimeFor(decisionDate);
  const minimum = longerMinimum(regime, terms);
  const maximum = legalMaximum(decisionDate, terms);
  const agencyEnd = terms.publicationEndsOn;
  return {
    regime: regime.name,
    basis: regime.basis,
    repairFrom: minimum ? addDays(addMonths(decisionDate, minimum.months), 1) : undefined,
    ...(agencyEnd && agencyEnd < maximum.publishedUntil
      ? { ...maximum, publishedUntil: agencyEnd, endsBy: 'agency_date' as const }
      : maximum),
  };
}

function longerMinimum(regime: PublicationRegime, terms: PenaltyTerms): Months | undefined {
  const minimum = regime.periods[terms.severity].minimum;
  const sector = regime.sectorMinimum;
  if (!minimum || !sector || !terms.sector || !sector.sectors.includes(terms.sector)) return minimum;
  return sector.minimum.months > minimum.months ? sector.minimum : minimum;
}

/** The source of the rule that set a maximum, for the error that refuses a later 公示截止期. */
export function basisOfMaximum(decisionDate: IsoDate, endsBy: PublicationEnd): string {
  if (endsBy === 'five_year_cap') return PERIOD_RULES.fiveYearCap.basis;
  if (endsBy === 'restriction_period') return PERIOD_RULES.restriction.basis;
  return regimeFor(decisionDate).basis;
}
