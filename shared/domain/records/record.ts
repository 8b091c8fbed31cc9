import type { RecordInput } from '../../schemas/records/record-input.ts';
import type { ChainHead } from '../audit.ts';
import type { IsoDate } from '../dates.ts';
import { visibilityOf } from './visibility.ts';

export type RecordStatus = 'registered' | 'published' | 'revoked';

export interface DisclosureDeadline {
  readonly due: IsoDate;
  readonly dueAt: string;
  readonly provisional: boolean;
}

export interface Publication {
  readonly at: string;
  /** `system`: published automatically by the disclosure sweep after the deadline. */
  readonly by: 'agency' | 'system';
  readonly onTime: boolean;
  readonly workingDaysLate: number;
}

export interface HistoryEntry {
  readonly version: number;
  readonly at: string;
  readonly reason: string;
  readonly changedFields: readonly string[];
  /** The content as it was before this version replaced it. */
  readonly previous: RecordInput;
}

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
  readonly revocation?: { readonly at: string; readonly reason: string } | undefined;
  readonly history: readonly HistoryEntry[];
  readonly head: ChainHead;
}

/** Shown to the public: published, never revoked, and of a kind and subject that may be shown. */
export function isPubliclyListed(record: DisclosureRecord): boolean {
  return record.status === 'published' && visibilityOf(record.content).public;
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
