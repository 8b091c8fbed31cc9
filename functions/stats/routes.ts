import { CSV_BOM, toCsv } from '../../shared/domain/csv.ts';
import type { TimelinessReport } from '../../shared/domain/stats/use-cases.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { timelinessQuery, timelinessResponse } from '../../shared/schemas/oversight.ts';

const CSV_HEADER = [
  '决定机关统一社会信用代码',
  '登记数',
  '按时公示',
  '逾期公示',
  '逾期未公示',
  '期限内未公示',
  '公示用时中位数（工作日）',
];

function asCsv(report: TimelinessReport): string {
  const rows = report.agencies.map((a) => [
    a.agency,
    a.registered,
    a.publishedOnTime,
    a.publishedLate,
    a.unpublishedOverdue,
    a.pending,
    a.medianWorkingDays ?? '',
  ]);
  return `${CSV_BOM}${toCsv([CSV_HEADER, ...rows])}`;
}

const wantsCsv = (accept: string | undefined) => /\btext\/csv\b/i.test(accept ?? '');

export function statsRoutes(stats: {
  timeliness(q: { from?: string; to?: string }): Promise<TimelinessReport>;
}) {
  return {
    'GET /v1/stats/timeliness': defineRoute({
      query: timelinessQuery,
      responses: { 200: timelinessResponse },
      alternates: {
        'text/csv': 'Accept: text/csv — the same table as CSV (UTF-8 with BOM, Chinese headers)',
      },
      run: async ({ query, headers }) => {
        const report = await stats.timeliness(query);
        if (!wantsCsv(headers.accept)) return { body: report };
        return {
          text: asCsv(report),
          contentType: 'text/csv; charset=utf-8',
          headers: {
            'content-disposition': `attachment; filename="timeliness-${report.from}-${report.to}.csv"`,
          },
        };
      },
    }),
  };
}
