import type { IsoDate } from '../dates.ts';
import type { Sector, Severity } from '../records/vocabulary.ts';

export interface Months {
  readonly months: number;
}

/**
 * `minimum`: before which credit repair may not be filed (undefined: no repair, the class is
 * not published at all in principle); `maximum`: when publication stops by itself.
 */
export interface Period {
  readonly minimum: Months | undefined;
  readonly maximum: Months;
}

/** How long a penalty record is published, by the regime in force on its decision date (DOMAIN.md). */
export interface PublicationRegime {
  readonly name: string;
  readonly basis: string;
  readonly from: IsoDate;
  readonly confirmed: boolean;
  readonly periods: Readonly<Record<Severity, Period>>;
  /** Sectors whose minimum is longer than their class's (Order No. 58: 1 year in three sectors). */
  readonly sectorMinimum?: { readonly sectors: readonly Sector[]; readonly minimum: Months } | undefined;
}

const sameForEveryClass = (period: Period): Record<Severity, Period> => ({
  minor: period,
  general: period,
  serious: period,
});

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
    // Keyed by sector, not by severity: 「最短公示期为三个月，最长公示期为三年」, and one year
    // minimum 「特种设备、安全生产、消防领域」 (secondary source; the order's own text was not found).
    name: 'order-58',
    basis: '国家发展改革委令第58号（2023年5月1日起施行）',
    from: '2023-05-01',
    confirmed: false,
    periods: sameForEveryClass({ minimum: { months: 3 }, maximum: { months: 36 } }),
    sectorMinimum: { sectors: ['special_equipment', 'work_safety', 'fire_safety'], minimum: { months: 12 } },
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

/**
 * The rules that bound or replace a regime's maximum, each with its source. The five-year cap
 * of 条例 第38条 yields only to a 法律 or 行政法规 (「法律、行政法规另有规定的除外」), so it bounds
 * the longer period of SAMR Order No. 45, a 部门规章, too.
 */
export const PERIOD_RULES = {
  /**
   * Decisions before the first regime: no national period, so the cap alone ends them. That
   * repair then needs no minimum is inferred from the absence of a rule, not read in one.
   */
  noRegime: {
    name: 'before-2019',
    basis: '山东省社会信用条例 第38条（2019年7月1日前作出的决定，无全国统一公示期限；无最短期限系推定）',
    from: '1900-01-01',
    confirmed: false,
    periods: sameForEveryClass({ minimum: { months: 0 }, maximum: { months: 60 } }),
  },
  fiveYearCap: {
    label: '失信信息披露期限上限（自失信行为终止之日起）',
    months: 60,
    basis: '山东省社会信用条例 第38条',
    confirmed: true,
  },
  restriction: {
    label: '限制从业、限制开展生产经营活动超过三年的，按实际限制期限公示',
    overMonths: 36,
    basis: '市场监督管理行政处罚信息公示规定（国家市场监督管理总局令第45号）第13条第3款',
    confirmed: true,
  },
  // The data standard has the column; that it shortens the period is this service's reading.
  agencyDate: {
    label: '决定机关填报的公示截止期（不得超过法定最长期限）',
    basis: '行政许可和行政处罚等信用信息数据标准（公示截止期字段）',
    confirmed: false,
  },
} as const;

export function regimeFor(decisionDate: IsoDate): PublicationRegime {
  return PUBLICATION_REGIMES.find((regime) => regime.from <= decisionDate) ?? PERIOD_RULES.noRegime;
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
