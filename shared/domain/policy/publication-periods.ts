import { addDays, type IsoDate } from '../dates.ts';
import type { Severity } from '../records/vocabulary.ts';

export interface Months {
  readonly months: number;
}

/**
 * How long a penalty record is published, by the regime in force on its decision date
 * (DOMAIN.md). `minimum`: before which credit repair may not be filed; `maximum`: when
 * publication stops by itself. `undefined` minimum: not published at all in principle.
 */
export interface PublicationRegime {
  readonly name: string;
  readonly basis: string;
  readonly from: IsoDate;
  readonly confirmed: boolean;
  readonly periods: Readonly<
    Record<Severity, { readonly minimum: Months | undefined; readonly maximum: Months }>
  >;
}

/** Newest first; the first regime whose `from` is on or before the decision date applies. */
export const PUBLICATION_REGIMES: readonly PublicationRegime[] = [
  {
    name: 'order-36',
    basis: '国家发展改革委令第36号（2026年4月1日起施行）',
    from: '2026-04-01',
    confirmed: true,
    periods: {
      minor: { minimum: undefined, maximum: { months: 3 } },
      general: { minimum: { months: 3 }, maximum: { months: 12 } },
      serious: { minimum: { months: 12 }, maximum: { months: 36 } },
    },
  },
  {
    // Per-class figures of Order No. 58 are not confirmed: minimum 3 months and maximum 3
    // years in general; special sectors 1 year minimum. Kept as the general rule here.
    name: 'order-58',
    basis: '国家发展改革委令第58号（2023年5月1日起施行；分类期限待确认）',
    from: '2023-05-01',
    confirmed: false,
    periods: {
      minor: { minimum: { months: 3 }, maximum: { months: 36 } },
      general: { minimum: { months: 3 }, maximum: { months: 36 } },
      serious: { minimum: { months: 12 }, maximum: { months: 36 } },
    },
  },
  {
    name: 'notice-527',
    basis: '发改办财金〔2019〕527号',
    from: '2019-07-01',
    confirmed: true,
    periods: {
      minor: { minimum: { months: 3 }, maximum: { months: 12 } },
      general: { minimum: { months: 3 }, maximum: { months: 12 } },
      serious: { minimum: { months: 6 }, maximum: { months: 36 } },
    },
  },
];

export function regimeFor(decisionDate: IsoDate): PublicationRegime | undefined {
  return PUBLICATION_REGIMES.find((regime) => regime.from <= decisionDate);
}

/** `date` plus whole calendar months; the 31st of a shorter month becomes its last day. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/**
 * Shandong caps any dishonesty record at five years from the end of the misconduct
 * (山东省社会信用条例 第38条). The end of the misconduct is not recorded, so the cap is
 * applied from the decision date; every maximum above is shorter anyway.
 */
export const SHANDONG_CAP: Months = { months: 60 };

export interface PublicationWindow {
  readonly regime: string;
  /** First day a credit-repair application may be filed; undefined if there is no minimum. */
  readonly repairFrom: IsoDate | undefined;
  /** Last day the record is published; it stops at the end of this day. */
  readonly publishedUntil: IsoDate;
}

/**
 * The publication window of a penalty decided on `decisionDate`. Periods run from the
 * decision date, which is not counted, and end on the corresponding day of the last month
 * (民法典 第201、202条): a 1-year maximum from 2026-05-10 ends with 2027-05-10, and a
 * 3-month minimum from the same day allows a repair filing from 2026-08-11.
 */
export function publicationWindow(decisionDate: IsoDate, severity: Severity): PublicationWindow | undefined {
  const regime = regimeFor(decisionDate);
  if (!regime) return undefined;
  const { minimum, maximum } = regime.periods[severity];
  const months = Math.min(maximum.months, SHANDONG_CAP.months);
  return {
    regime: regime.name,
    repairFrom: minimum ? addDays(addMonths(decisionDate, minimum.months), 1) : undefined,
    publishedUntil: addMonths(decisionDate, months),
  };
}
