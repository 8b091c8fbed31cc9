import { reportHtml } from '../domain/reports/html.ts';
import type { ReportRenderer } from '../domain/reports/ports.ts';
import { reportPdf } from './pdf.ts';
import { qrSvg } from './qr.ts';

/** Both formats of a report. */
export const reportRenderer: ReportRenderer = {
  html: async (content) => new TextEncoder().encode(reportHtml(content, await qrSvg(content.verifyUrl))),
  pdf: reportPdf,
};
