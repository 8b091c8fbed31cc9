import { authorityOf } from '../../shared/domain/agencies/agency.ts';
import type { AgencyNames } from '../../shared/domain/agencies/name-cache.ts';
import { CSV_BOM, toCsv } from '../../shared/domain/csv.ts';
import {
  onTimeRate,
  type StatsUseCases,
  type TimelinessReport,
} from '../../shared/domain/stats/use-cases.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { timelinessQuery, timelinessResponse } from '../../shared/schemas/oversight.ts';
import { type AnswerCache, answerCache } from './answer-cache.ts';

const CSV_HEADER = [
  '决定机关统一社会信用代码',
  '机关名称',
  '决定月份',
  '登记数',
  '按时公示',
  '逾期公示',
  '逾期未公示',
  '期限内未公示',
  '按时公示率',
  '公示用时中位数（工作日）',
];

/**
 * Anyone may ask, and the figures move slowly: browsers, CloudFront and API Gateway caches
 * may keep an answer a minute. The answer's `asOf` says how old it is.
 */
export const STATS_CACHE_CONTROL = 'public, max-age=60';

type NamedReport = Omit<TimelinessReport, 'agencies' | 'monthly'> & {
  agencies: (TimelinessReport['agencies'][number] & { authority: { uscc: string; name?: string } })[];
};

/** The report with each agency named from the directory (the cached report holds codes only). */
function named(report: TimelinessReport, names: ReadonlyMap<string, string>): NamedReport {
  const { monthly: _monthly, ...rest } = report;
  return {
    ...rest,
    agencies: report.agencies.map((a) => ({ ...a, authority: authorityOf(a.agency, names) })),
  };
}

/** 87.5%: the on-time rate as the page shows it; empty when nothing is due yet. */
const rateText = (rate: number | undefined) => (rate === undefined ? '' : `${(rate * 100).toFixed(1)}%`);

/** One row per agency and month of decision, the agency named, with its on-time rate. */
function asCsv(report: TimelinessReport, names: ReadonlyMap<string, string>): string {
  const rows = (report.monthly ?? []).map((a) => [
    a.agency,
    authorityOf(a.agency, names).name ?? '',
    a.month,
    a.registered,
    a.publishedOnTime,
    a.publishedLate,
    a.unpublishedOverdue,
    a.pending,
    rateText(onTimeRate(a)),
    a.medianWorkingDays ?? '',
  ]);
  return `${CSV_BOM}${toCsv([CSV_HEADER, ...rows])}`;
}

const wantsCsv = (accept: string | undefined) => /\btext\/csv\b/i.test(accept ?? '');

export function statsRoutes(
  stats: Pick<StatsUseCases, 'period' | 'timeliness'>,
  cache: AnswerCache<TimelinessReport> = answerCache(),
  names: AgencyNames = async () => new Map(),
) {
  return {
    'GET /v1/stats/timeliness': defineRoute({
      query: timelinessQuery,
      responses: { 200: timelinessResponse },
      alternates: {
        'text/csv':
          'Accept: text/csv — one row per agency and month of decision, with its name and on-time rate (UTF-8 with BOM, Chinese headers)',
      },
      run: async ({ query, headers }) => {
        // The whole months the query stands for (a refused range throws here, uncached).
        const { from, to } = stats.period(query);
        const [counted, known] = await Promise.all([
          cache.get(`${from}/${to}`, () => stats.timeliness(query)),
          names(),
        ]);
        const report = named(counted, known);
        const caching = { 'cache-control': STATS_CACHE_CONTROL, vary: 'accept' };
        if (!wantsCsv(headers.accept)) return { body: report, headers: caching };
        return {
          text: asCsv(counted, known),
          contentType: 'text/csv; charset=utf-8',
          headers: {
            ...caching,
            'content-disposition': `attachment; filename="timeliness-${report.from}-${report.to}.csv"`,
          },
        };
      },
    }),
  };
}
