import type { Labels } from '../records/vocabulary.ts';

/*
 * 信用报告 (国办发〔2022〕25号; 发改财金〔2025〕565号): a public-scope report of what anyone
 * may see, and the special-scope report (专项信用报告) that replaces no-violation
 * certificates and adds the entity's penalties that are not published.
 */

export const REPORT_SCOPES = ['public', 'special'] as const;
export type ReportScope = (typeof REPORT_SCOPES)[number];

export const REPORT_SCOPE_LABELS: Labels<ReportScope> = {
  public: '公共信用信息报告',
  special: '专项信用报告（替代有无违法违规记录证明）',
};

export const REPORT_FORMATS = ['html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_CONTENT_TYPES: Labels<ReportFormat> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/** XYBG-20261205-7KQ3M9XA: the day of issue and eight digits of a 核验码's alphabet. */
export const REPORT_NUMBER_PATTERN = /^XYBG-\d{8}-[2-9A-HJKMNP-TV-X]{8}$/;
