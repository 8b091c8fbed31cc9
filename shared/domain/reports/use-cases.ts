import type { AgencyNames } from '../agencies/name-cache.ts';
import { type Actor, auditEntryFor } from '../audit.ts';
import type { CheckStore } from '../checks/ports.ts';
import { checkNotAccessible } from '../checks/use-cases.ts';
import type { Clock } from '../clock.ts';
import type { Commitment } from '../commitments/commitment.ts';
import type { CommitmentStore } from '../commitments/ports.ts';
import { shanghaiDate } from '../dates.ts';
import { newVerificationCode, type Verification } from '../documents/verification.ts';
import { AccessDeniedError, NotFoundError, RuleViolationError } from '../errors.ts';
import type { ListStore } from '../lists/ports.ts';
import type { MaterialFiles } from '../materials/ports.ts';
import type { Page } from '../records/ports.ts';
import type { DisclosureRecord } from '../records/record.ts';
import { isShownAt } from '../records/shown.ts';
import { assembleReport, type ReportContent } from './content.ts';
import type { CreditReport, ReportFile, ReportRenderer, ReportStore } from './ports.ts';
import {
  REPORT_CONTENT_TYPES,
  REPORT_FORMATS,
  REPORT_SCOPE_LABELS,
  type ReportFormat,
  type ReportScope,
} from './vocabulary.ts';

/** Records of one entity, in any state, newest first (the entity index of the store). */
export interface EntityRecords {
  recordsOf(uscc: string, q: { limit: number; cursor?: string | undefined }): Promise<Page<DisclosureRecord>>;
}

export interface ReportDeps {
  readonly reports: ReportStore;
  readonly entityRecords: EntityRecords;
  readonly lists: Pick<ListStore, 'publicList'>;
  readonly commitments: Pick<CommitmentStore, 'forEntity'>;
  readonly checks: Pick<CheckStore, 'get'>;
  readonly files: Pick<MaterialFiles, 'store' | 'downloadLink'>;
  readonly render: ReportRenderer;
  readonly agencyNames: AgencyNames;
  /** Who issues reports: the site's credit office, by name. */
  readonly issuer: string;
  readonly sha256: (bytes: Uint8Array) => string;
  readonly clock: Clock;
}

/** The most records one report reads; an entity with more is refused with a clear 422. */
export const MAX_REPORT_RECORDS = 5000;
const PAGE = 100;
/** How long a download link of a report lives. */
export const REPORT_LINK_SECONDS = 300;

export type Requester = { role: 'entity'; uscc: string } | { role: 'agency'; agency: string };
export type Reader = Requester | { role: 'person' | 'admin' | 'anonymous' };

/** One answer for a report that does not exist and for a special report of someone else. */
export function reportNotFound(): NotFoundError {
  return new NotFoundError({
    code: 'report_not_found',
    messages: { zh: '未找到该信用报告', en: 'no such credit report' },
  });
}

/** The report number: XYBG-20261205-7KQ3M9XA (day of issue, eight digits of a 核验码's alphabet). */
export function reportNumber(at: Date, code = newVerificationCode()): string {
  return `XYBG-${shanghaiDate(at).replaceAll('-', '')}-${code.replaceAll('-', '').slice(0, 8)}`;
}

async function all<T>(read: (cursor: string | undefined) => Promise<Page<T>>, max: number): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    out.push(...page.items);
    cursor = page.cursor;
    if (out.length > max) {
      throw new RuleViolationError({
        code: 'report_too_large',
        field: 'uscc',
        messages: {
          zh: `该主体的记录超过 ${max} 条，无法在线生成报告，请联系信用管理部门`,
          en: `the entity has more than ${max} records: the report cannot be made online`,
        },
      });
    }
  } while (cursor);
  return out;
}

/** 信用报告: generated as of now, stored as issued, read by who may, verified by anyone. */
export function makeReportUseCases(d: ReportDeps) {
  async function assertMayRequest(
    by: Requester,
    input: { uscc: string; scope: ReportScope; checkId?: string | undefined },
  ) {
    if (by.role === 'entity') {
      if (input.uscc !== by.uscc) {
        throw new AccessDeniedError({
          code: 'report_for_other_entity',
          field: 'uscc',
          messages: { zh: '只能为本主体生成信用报告', en: 'an entity may have a report made of itself only' },
        });
      }
      return;
    }
    if (input.scope === 'special') {
      throw new AccessDeniedError({
        code: 'special_report_entity_only',
        field: 'scope',
        messages: {
          zh: '专项信用报告只能由主体本人申请',
          en: 'a special-scope report is made for the entity itself only',
        },
      });
    }
    if (!input.checkId) {
      throw new RuleViolationError({
        code: 'check_required',
        field: 'checkId',
        messages: {
          zh: '机关生成信用报告须注明所涉信用核查（应查必查）的编号',
          en: 'an agency makes a report for an entity in one of its credit checks: give checkId',
        },
      });
    }
    const check = await d.checks.get(input.checkId);
    if (!check || check.agency !== by.agency) throw checkNotAccessible();
    if (check.uscc !== input.uscc) {
      throw new RuleViolationError({
        code: 'check_not_about_entity',
        field: 'checkId',
        messages: { zh: '该核查不是针对此主体的', en: 'the check is not about this entity' },
      });
    }
  }

  async function readable(reader: Reader, number: string): Promise<CreditReport> {
    const report = await d.reports.get(number);
    if (!report) throw reportNotFound();
    if (report.scope === 'special' && !(reader.role === 'entity' && reader.uscc === report.uscc))
      throw reportNotFound();
    return report;
  }

  return {
    async generate(
      by: Requester,
      input: { uscc: string; scope: ReportScope; checkId?: string | undefined },
      verifyBase: string,
      actor: Actor,
    ): Promise<CreditReport> {
      await assertMayRequest(by, input);
      const at = d.clock();
      const [records, entries, commitments, names] = await Promise.all([
        all((cursor) => d.entityRecords.recordsOf(input.uscc, { limit: PAGE, cursor }), MAX_REPORT_RECORDS),
        d.lists.publicList({ uscc: input.uscc, limit: PAGE }).then((p) => p.items),
        all<Commitment>(
          (cursor) => d.commitments.forEntity({ uscc: input.uscc, limit: PAGE, cursor }),
          MAX_REPORT_RECORDS,
        ),
        d.agencyNames(),
      ]);
      const code = newVerificationCode();
      const number = reportNumber(at);
      const content: ReportContent = assembleReport({
        number,
        scope: input.scope,
        issuer: d.issuer,
        at,
        verificationCode: code,
        verifyUrl: `${verifyBase.replace(/\/+$/, '')}/verify.html?code=${encodeURIComponent(code)}`,
        uscc: input.uscc,
        records,
        isShown: (r) => isShownAt(r, at),
        entries,
        commitments,
        agencyName: (uscc) => names.get(uscc) ?? uscc,
      });
      const files = {} as Record<ReportFormat, ReportFile>;
      for (const format of REPORT_FORMATS) {
        const bytes = await d.render[format](content);
        const key = `reports/${number}.${format}`;
        await d.files.store(key, bytes, REPORT_CONTENT_TYPES[format]);
        files[format] = { key, bytes: bytes.byteLength, sha256: d.sha256(bytes) };
      }
      const report: CreditReport = {
        number,
        scope: input.scope,
        uscc: input.uscc,
        subjectName: content.subject.name,
        issuedAt: at.toISOString(),
        verificationCode: code,
        requestedBy: by.role === 'agency' ? { role: 'agency', agency: by.agency } : { role: 'entity' },
        ...(input.checkId ? { checkId: input.checkId } : {}),
        files,
        counts: {
          records: content.records.reduce((n, k) => n + k.lines.length, 0),
          unpublished: content.unpublished?.length ?? 0,
          entries: content.entries.length,
          commitments: content.commitments.length,
        },
      };
      const verification: Verification = {
        code,
        kind: 'credit-report',
        title: REPORT_SCOPE_LABELS[input.scope],
        number,
        issuedAt: report.issuedAt,
        issuer: { name: d.issuer },
        sha256: files.pdf.sha256,
      };
      const audit = auditEntryFor(undefined, report, { actor, action: 'report.issued', at });
      await d.reports.create(report, audit, verification);
      return report;
    },

    /** A short-lived link to the report's file; a special report only for its own entity. */
    async download(reader: Reader, number: string, format: ReportFormat) {
      const report = await readable(reader, number);
      const file = report.files[format];
      const url = await d.files.downloadLink({
        key: file.key,
        fileName: `信用报告-${number}.${format}`,
        contentType: REPORT_CONTENT_TYPES[format],
        expiresInSeconds: REPORT_LINK_SECONDS,
      });
      return { url, file };
    },

    /** What anyone may know of a report by its number: that it exists, its scope, time and hashes. */
    async verify(number: string) {
      const report = await d.reports.get(number);
      if (!report) throw reportNotFound();
      return {
        exists: true as const,
        number: report.number,
        scope: report.scope,
        scopeLabel: REPORT_SCOPE_LABELS[report.scope],
        issuedAt: report.issuedAt,
        sha256: report.files.pdf.sha256,
        files: {
          pdf: { sha256: report.files.pdf.sha256, bytes: report.files.pdf.bytes },
          html: { sha256: report.files.html.sha256, bytes: report.files.html.bytes },
        },
      };
    },

    forEntity: (uscc: string, q: { limit: number; cursor?: string | undefined }) =>
      d.reports.forEntity({ uscc, ...q }),
  };
}

export type ReportUseCases = ReturnType<typeof makeReportUseCases>;
