import type { RecordInput } from '../../schemas/records/record-input.ts';
import type { ChainHead } from '../audit.ts';
import type { IsoDate } from '../dates.ts';
import type { JudgedChange } from './revocation.ts';
import { visibilityOf } from './visibility.ts';
import type { RecordStatus } from './vocabulary.ts';

export type { RecordStatus };

export interface DisclosureDeadline {
  readonly due: IsoDate;
  readonly dueAt: string;
  readonly provisional: boolean;
  /** When one working day is left: the end of the (N−1)-th working day. */
  readonly reminderAt?: string | undefined;
  /** When the reminder went out (the sweep sets it once). */
  readonly remindedAt?: string | undefined;
}

/** A deadline the calendar moved: what it was, what it is, and why. */
export interface DeadlineMove {
  readonly kind: string;
  readonly from: string;
  readonly to: string;
  readonly at: string;
  readonly why: string;
}

export interface Publication {
  readonly at: string;
  /** `system`: published automatically by the disclosure sweep after the deadline. */
  readonly by: 'agency' | 'system';
  readonly onTime: boolean;
  readonly workingDaysLate: number;
  /** Working days from the decision to publication, for the timeliness statistics. */
  readonly workingDaysToPublish?: number | undefined;
}

export interface HistoryEntry {
  readonly version: number;
  readonly at: string;
  readonly reason: string;
  readonly changedFields: readonly string[];
  /** The content as it was before this version replaced it. */
  readonly previous: RecordInput;
  /** The decision that changed the record's decision (条例 第40条), when the correction follows one. */
  readonly decision?: JudgedChange | undefined;
}

/**
 * Why and when a record was withdrawn. A revocation entered by its agency names the revoking
 * decision (date, document number) and keeps its judgement against the 3-working-day limit
 * counted from it (revocation.ts); one from an upheld objection, or written before the limit
 * was kept, has neither.
 */
export type Revocation = {
  readonly at: string;
  readonly reason: string;
  /** Entered after its deadline: escalated to the credit office at once. */
  readonly escalatedAt?: string | undefined;
  /** It was in public view when revoked: the public reads a revocation notice in its place. */
  readonly shownWhenRevoked?: boolean | undefined;
} & Partial<JudgedChange>;

/** The agency that decided, from the caller's token (处罚机关/许可机关 and its USCC). */
export interface Authority {
  readonly uscc: string;
  readonly name?: string | undefined;
}

/**
 * One administrative action as the service keeps it. `version` counts content versions
 * (corrections); `revision` counts every change and guards concurrent writes.
 */
export interface DisclosureRecord {
  readonly id: string;
  readonly authority: Authority;
  readonly content: RecordInput;
  readonly status: RecordStatus;
  readonly version: number;
  readonly revision: number;
  readonly registeredAt: string;
  readonly disclosure: DisclosureDeadline;
  readonly publication?: Publication | undefined;
  readonly revocation?: Revocation | undefined;
  /** Set by the disclosure sweep when the deadline passed and the record could not be published for the agency. */
  readonly overdue?: { readonly at: string } | undefined;
  /** Publication stopped: the maximum period ended, or credit repair was approved. */
  readonly publicationEnd?: { readonly at: string; readonly reason: 'expired' | 'repaired' } | undefined;
  readonly deadlineMoves?: readonly DeadlineMove[] | undefined;
  /** The objection pending against the record (异议处理中), shown to the public as a label. */
  readonly objection?: { readonly id: string; readonly filedAt: string } | undefined;
  /** The credit-repair application pending for the record. */
  readonly repair?: { readonly id: string; readonly filedAt: string } | undefined;
  /** The latest credit-repair decision on the record: what a `repair_result` objection contests. */
  readonly lastRepairDecision?: RepairDecisionMark | undefined;
  /** Set while the name index of a renamed record is being rebuilt (the second step of a large rename). */
  readonly nameIndexPending?: { readonly since: string } | undefined;
  readonly history: readonly HistoryEntry[];
  readonly head: ChainHead;
}

export interface RepairDecisionMark {
  readonly id: string;
  readonly outcome: 'approved' | 'rejected';
  readonly at: string;
}

/**
 * Shown to the public: published, not revoked, its publication not ended, and of a kind and
 * subject that may be shown.
 */
export function isPubliclyListed(record: DisclosureRecord): boolean {
  return record.status === 'published' && !record.publicationEnd && visibilityOf(record.content).public;
}

/** Top-level and nested fields whose values differ, as dotted paths (`penalty.fineAmount`). */
export function changedFields(before: unknown, after: unknown, prefix = ''): string[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys]
      .sort()
      .flatMap((key) => changedFields(before[key], after[key], prefix ? `${prefix}.${key}` : key));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [prefix];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
