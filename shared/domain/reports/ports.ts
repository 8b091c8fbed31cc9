import type { AuditEntry } from '../audit.ts';
import type { Verification } from '../documents/verification.ts';
import type { Page } from '../records/ports.ts';
import type { ReportContent } from './content.ts';
import type { ReportFormat, ReportScope } from './vocabulary.ts';

/** A file of a report as stored: where, how long, and its SHA-256 (the one verification gives). */
export interface ReportFile {
  readonly key: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** What the service keeps of an issued report; the content itself is in its files. */
export interface CreditReport {
  readonly number: string;
  readonly scope: ReportScope;
  readonly uscc: string;
  readonly subjectName: string;
  readonly issuedAt: string;
  readonly verificationCode: string;
  readonly requestedBy: { readonly role: 'entity' | 'agency'; readonly agency?: string | undefined };
  /** The check an agency made the report for. */
  readonly checkId?: string | undefined;
  readonly files: Readonly<Record<ReportFormat, ReportFile>>;
  readonly counts: {
    readonly records: number;
    readonly unpublished: number;
    readonly entries: number;
    readonly commitments: number;
  };
}

export interface ReportStore {
  get(number: string): Promise<CreditReport | undefined>;
  /** The report, its audit entry and its public verification record, in one write. */
  create(report: CreditReport, audit: AuditEntry, verification: Verification): Promise<void>;
  forEntity(q: { uscc: string; limit: number; cursor?: string | undefined }): Promise<Page<CreditReport>>;
}

/** Draws a report's content in one format. */
export type ReportRenderer = Readonly<Record<ReportFormat, (content: ReportContent) => Promise<Uint8Array>>>;
