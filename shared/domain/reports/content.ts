import type { Commitment } from '../commitments/commitment.ts';
import { publicCommitment } from '../commitments/views.ts';
import { COMMITMENT_TYPE_LABELS } from '../commitments/vocabulary.ts';
import { shanghaiTimestamp } from '../dates.ts';
import type { ListEntry } from '../lists/entry.ts';
import { publicEntry } from '../lists/views.ts';
import { publicView } from '../records/public-view.ts';
import type { DisclosureRecord } from '../records/record.ts';
import { NOT_PUBLIC_REASONS, visibilityOf } from '../records/visibility.ts';
import { KIND_LABELS, RECORD_KINDS, SUBJECT_CATEGORY_LABELS } from '../records/vocabulary.ts';
import { REPORT_SCOPE_LABELS, type ReportScope } from './vocabulary.ts';

/*
 * What a credit report says, as plain data both renderers (HTML, PDF) draw the same way: the
 * entity's basic data, every public record by kind, for the special scope its penalties that
 * are not published, its list entries, its commitments and how they were kept, and what is
 * under objection or repair. Everything is as of `issuedAt` and masked as the public sees it.
 */

export interface ReportLine {
  readonly documentNumber: string;
  readonly decisionDate: string;
  readonly agency: string;
  readonly summary: string;
  /** 异议处理中 / 信用修复申请中, when so. */
  readonly note?: string | undefined;
}

export interface ReportContent {
  readonly number: string;
  readonly scope: ReportScope;
  readonly title: string;
  readonly issuer: string;
  /** Beijing time, 2026-12-05T12:00:00+08:00. */
  readonly issuedAt: string;
  readonly verificationCode: string;
  readonly verifyUrl: string;
  readonly subject: { readonly name: string; readonly uscc: string; readonly category: string };
  readonly records: readonly { readonly kind: string; readonly lines: readonly ReportLine[] }[];
  /** Special scope only: penalties that are never published (简易程序, 轻微), with why. */
  readonly unpublished?: readonly ReportLine[] | undefined;
  readonly entries: readonly {
    readonly type: string;
    readonly agency: string;
    readonly listedOn: string;
    readonly validUntil: string;
    readonly status: string;
    readonly basis: string;
  }[];
  readonly commitments: readonly {
    readonly type: string;
    readonly matter: string;
    readonly madeOn: string;
    readonly receiver: string;
    readonly status: string;
    readonly breach?: string | undefined;
  }[];
  /** Items being reviewed now: records under objection or repair, entries under objection. */
  readonly underReview: readonly string[];
}

export interface ReportSources {
  readonly number: string;
  readonly scope: ReportScope;
  readonly issuer: string;
  readonly at: Date;
  readonly verificationCode: string;
  readonly verifyUrl: string;
  readonly uscc: string;
  /** Every record about the entity (any state); the report picks what its scope shows. */
  readonly records: readonly DisclosureRecord[];
  readonly isShown: (record: DisclosureRecord) => boolean;
  readonly entries: readonly ListEntry[];
  readonly commitments: readonly Commitment[];
  /** The names of agencies by USCC, for the lines (the USCC where none is known). */
  readonly agencyName: (uscc: string) => string;
}

function lineOf(record: DisclosureRecord, agencyName: (uscc: string) => string): ReportLine {
  const view = publicView(record);
  const note = record.objection ? '异议处理中' : record.repair ? '信用修复申请中' : undefined;
  return {
    documentNumber: view.documentNumber,
    decisionDate: view.decisionDate,
    agency: record.authority.name ?? agencyName(record.authority.uscc),
    summary: view.summary ?? '',
    ...(note ? { note } : {}),
  };
}

/** A non-public penalty of the entity that the special scope adds: not revoked, never published. */
export function isUnpublishedPenalty(record: DisclosureRecord): boolean {
  return (
    record.content.kind === 'penalty' &&
    record.status !== 'revoked' &&
    !visibilityOf(record.content).public &&
    record.content.subject.category !== 'natural_person'
  );
}

const newestFirst = (a: DisclosureRecord, b: DisclosureRecord) =>
  b.content.decisionDate.localeCompare(a.content.decisionDate) || a.id.localeCompare(b.id);

export function assembleReport(s: ReportSources): ReportContent {
  const shown = s.records.filter(s.isShown).sort(newestFirst);
  const newest = shown[0] ?? [...s.records].sort(newestFirst)[0];
  const subjectView = newest ? publicView(newest).subject : undefined;
  const fromEntries = s.entries[0] ? publicEntry(s.entries[0]).subject.name : undefined;
  const fromCommitments = s.commitments[0] ? publicCommitment(s.commitments[0]).subject.name : undefined;
  const category = newest?.content.subject.category ?? s.commitments[0]?.subject.category ?? 'legal_person';
  const entries = s.entries.map(publicEntry);
  const commitments = s.commitments.map(publicCommitment);
  return {
    number: s.number,
    scope: s.scope,
    title: REPORT_SCOPE_LABELS[s.scope],
    issuer: s.issuer,
    issuedAt: shanghaiTimestamp(s.at),
    verificationCode: s.verificationCode,
    verifyUrl: s.verifyUrl,
    subject: {
      name:
        (subjectView?.name as string | undefined) ??
        fromEntries ??
        fromCommitments ??
        '（本系统无该主体的名称记录）',
      uscc: s.uscc,
      category: SUBJECT_CATEGORY_LABELS[category],
    },
    records: RECORD_KINDS.map((kind) => ({
      kind: KIND_LABELS[kind],
      lines: shown.filter((r) => r.content.kind === kind).map((r) => lineOf(r, s.agencyName)),
    })),
    ...(s.scope === 'special'
      ? {
          unpublished: s.records
            .filter(isUnpublishedPenalty)
            .sort(newestFirst)
            .map((r) => {
              const v = visibilityOf(r.content);
              const why = v.public ? undefined : NOT_PUBLIC_REASONS[v.reason].zh;
              return { ...lineOf(r, s.agencyName), ...(why ? { note: why } : {}) };
            }),
        }
      : {}),
    entries: entries.map((e) => ({
      type: e.typeLabel,
      agency: s.agencyName(e.agency),
      listedOn: e.listedOn,
      validUntil: e.validUntil,
      status: e.statusLabel,
      basis: e.basis,
    })),
    commitments: commitments.map((c) => ({
      type: COMMITMENT_TYPE_LABELS[c.type],
      matter: c.matter,
      madeOn: c.madeOn,
      receiver: s.agencyName(c.receiver),
      status: c.statusLabel,
      ...(c.breach ? { breach: c.breach.finding } : {}),
    })),
    underReview: [
      ...shown.flatMap((r) =>
        r.objection || r.repair
          ? [
              `${KIND_LABELS[r.content.kind]} ${publicView(r).documentNumber}：${r.objection ? '异议处理中' : '信用修复申请中'}`,
            ]
          : [],
      ),
      ...entries
        .filter((e) => e.underObjection)
        .map((e) => `${e.typeLabel}（${e.listedOn} 列入）：异议处理中`),
    ],
  };
}
