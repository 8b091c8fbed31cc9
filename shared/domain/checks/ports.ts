import type { DomainEvent } from '../events.ts';
import type { Page } from '../records/ports.ts';
import type { Change } from '../workflows/ports.ts';
import type { CreditCheck } from './check.ts';

/** One agency's figures of the joint-punishment loop (per agency, over all time). */
export interface CheckCounts {
  readonly agency: string;
  readonly made: number;
  readonly withFeedback: number;
  readonly feedbackOnTime: number;
  readonly escalated: number;
  readonly measuresApplied: number;
}

export interface CheckStore {
  get(id: string): Promise<CreditCheck | undefined>;
  /** The check's change, its audit entry, its events and its counters, in one write. */
  commit(change: {
    readonly check: Change<CreditCheck>;
    readonly events: readonly DomainEvent[];
  }): Promise<void>;
  forAgency(q: { agency: string; limit: number; cursor?: string | undefined }): Promise<Page<CreditCheck>>;
  /** The checks made of an entity, newest first (条例 第37条: it may see who checked it). */
  forEntity(q: { uscc: string; limit: number; cursor?: string | undefined }): Promise<Page<CreditCheck>>;
  /** Checks escalated for want of feedback and still without it, newest first. */
  escalated(q: { limit: number; cursor?: string | undefined }): Promise<Page<CreditCheck>>;
  counts(): Promise<CheckCounts[]>;
}

/** What a check's change adds to its agency's counters. */
export function countsOf(before: CreditCheck | undefined, after: CreditCheck): Omit<CheckCounts, 'agency'> {
  const fed = after.feedback && !before?.feedback ? after.feedback : undefined;
  return {
    made: before ? 0 : 1,
    withFeedback: fed ? 1 : 0,
    feedbackOnTime: fed && !fed.late ? 1 : 0,
    escalated: after.escalatedAt && !before?.escalatedAt ? 1 : 0,
    measuresApplied: fed?.applied ? 1 : 0,
  };
}
