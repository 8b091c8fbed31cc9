import type { CreditReport } from '../../shared/domain/reports/ports.ts';
import type { Reader, ReportUseCases } from '../../shared/domain/reports/use-cases.ts';
import { REPORT_SCOPE_LABELS } from '../../shared/domain/reports/vocabulary.ts';
import { defineRoute } from '../../shared/http/http-handler.ts';
import { pageBody, pageRequest } from '../../shared/http/paging.ts';
import { agencyOrEntityOf, entityOf, type Principal } from '../../shared/http/principal.ts';
import { actorOf } from '../../shared/http/request-helpers.ts';
import {
  reportBody,
  reportFormatQuery,
  reportNumberParams,
  reportPage,
  reportResponse,
  reportVerificationResponse,
} from '../../shared/schemas/commitments.ts';
import { pageQuery } from '../../shared/schemas/common.ts';

const readerOf = (principal: Principal | undefined): Reader => {
  if (principal?.role === 'entity') return { role: 'entity', uscc: principal.uscc };
  if (principal?.role === 'agency') return { role: 'agency', agency: principal.agency };
  return { role: principal?.role ?? 'anonymous' };
};

/**
 * The site the QR code points to: SITE_URL, which the stack sets to the website's address;
 * locally (no SITE_URL) the host the request came to. Never the caller's Origin header: a
 * report's QR code must not lead to a verification page of the caller's choosing.
 */
export function siteOrigin(headers: Readonly<Record<string, string | undefined>>, env = process.env): string {
  if (env.SITE_URL) return env.SITE_URL;
  const host = headers.host ?? 'localhost';
  return `${/^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host) ? 'http' : 'https'}://${host}`;
}

const reportView = (r: CreditReport) => ({
  number: r.number,
  scope: r.scope,
  scopeLabel: REPORT_SCOPE_LABELS[r.scope],
  uscc: r.uscc,
  subjectName: r.subjectName,
  issuedAt: r.issuedAt,
  verificationCode: r.verificationCode,
  files: {
    pdf: { sha256: r.files.pdf.sha256, bytes: r.files.pdf.bytes },
    html: { sha256: r.files.html.sha256, bytes: r.files.html.bytes },
  },
  counts: r.counts,
  links: {
    pdf: `/v1/reports/${r.number}?format=pdf`,
    html: `/v1/reports/${r.number}?format=html`,
    verify: `/v1/reports/${r.number}/verify`,
  },
});

/** 信用报告: made on request, kept as issued, downloaded through short-lived links, verified by number. */
export function reportRoutes(reports: ReportUseCases) {
  return {
    'POST /v1/reports': defineRoute({
      body: reportBody,
      responses: { 201: reportResponse },
      run: async ({ body, principal, headers }) => {
        const r = await reports.generate(
          agencyOrEntityOf(principal),
          body,
          siteOrigin(headers),
          actorOf(principal),
        );
        return { status: 201, body: reportView(r), headers: { location: `/v1/reports/${r.number}` } };
      },
    }),

    'GET /v1/reports/{number}': defineRoute({
      params: reportNumberParams,
      query: reportFormatQuery,
      redirect:
        '短时有效（5 分钟）的报告文件下载链接；X-Content-SHA256 为文件的 SHA-256。专项报告仅主体本人可取，其他人与不存在的报告得到同样的 404',
      run: async ({ params, query, principal }) => {
        const { url, file } = await reports.download(readerOf(principal), params.number, query.format);
        return {
          status: 302,
          headers: { location: url, 'x-content-sha256': file.sha256, 'cache-control': 'no-store' },
        };
      },
    }),

    'GET /v1/reports/{number}/verify': defineRoute({
      params: reportNumberParams,
      responses: { 200: reportVerificationResponse },
      run: async ({ params }) => ({ body: await reports.verify(params.number) }),
    }),

    'GET /v1/entity/reports': defineRoute({
      query: pageQuery,
      responses: { 200: reportPage },
      run: async ({ query, principal }) => ({
        body: pageBody(await reports.forEntity(entityOf(principal), pageRequest(query)), reportView),
      }),
    }),
  };
}
