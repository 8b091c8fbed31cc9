import { doublingDelayMs } from '../backoff.ts';
import type { DeadlineHandler } from '../deadlines/sweep.ts';
import { NotFoundError } from '../errors.ts';
import type { DisclosureRecord } from '../records/record.ts';
import {
  type UpstreamIntent,
  type UpstreamMessage,
  upstreamIntentOf,
  upstreamMessage,
} from './exchange-format.ts';

/**
 * Pushing records to the city's credit platform (共享交换至市公共信用信息平台, opinion (四),
 * (十四), (十五)). Each record that was ever published has one push state: what the upstream
 * should hold of it (its intent, by digest) and how far that got. A record change that changes
 * the intent writes a new `pending` state in its own transaction (shared/store), so no change is
 * lost when the upstream is down; the `upstream` sweep sends it, and records `accepted` with the
 * upstream's receipt, or `failed` with the upstream's reason when it refuses the record as
 * invalid. Messages carry an id derived from their content, and the upstream keeps one receipt
 * per id, so a message sent again (after a timeout whose answer was lost) is not taken twice.
 */
export const PUSH_STATES = ['pending', 'accepted', 'failed'] as const;
export type PushState = (typeof PUSH_STATES)[number];

export const PUSH_STATE_LABELS: Readonly<Record<PushState, string>> = {
  pending: '待报送',
  accepted: '已报送',
  failed: '报送被退回',
};

export interface UpstreamPush extends UpstreamIntent {
  readonly state: PushState;
  /** Failed tries so far of this intent (transient faults: 503, timeouts, no connection). */
  readonly attempts: number;
  /** When a pending push is next tried. */
  readonly dueAt: string;
  readonly updatedAt: string;
  readonly receipt?: string | undefined;
  readonly acceptedAt?: string | undefined;
  /** The upstream's reason for refusing the record (failed), or the last transient fault (pending). */
  readonly reason?: string | undefined;
  readonly field?: string | undefined;
}

/** The upstream's answer to one message. A thrown error is a passing fault: try again later. */
export type UpstreamAnswer =
  | { readonly outcome: 'accepted'; readonly receipt: string }
  | { readonly outcome: 'refused'; readonly reason: string; readonly field?: string | undefined };

export interface UpstreamHolding {
  readonly recordId: string;
  readonly digest: string;
}

export interface UpstreamPort {
  send(message: UpstreamMessage): Promise<UpstreamAnswer>;
  /** What the upstream holds of this service's records, page by page. */
  holdings(): AsyncIterable<readonly UpstreamHolding[]>;
}

export interface PushStore {
  get(recordId: string): Promise<UpstreamPush | undefined>;
  /** Takes the push for one try until `until`, if it still is `push` (same intent, still pending). */
  claim(push: UpstreamPush, now: Date, until: Date): Promise<void>;
  /** Records the outcome of a try, if the push still has the same intent. */
  settle(push: UpstreamPush, outcome: PushOutcome): Promise<void>;
  /** Every push state, page by page (reconciliation). */
  all(): AsyncIterable<readonly UpstreamPush[]>;
  /** One agency's pushes in a state, newest first. */
  forAgency(q: {
    agency: string;
    state: PushState;
    limit: number;
    cursor?: string | undefined;
  }): Promise<{ items: UpstreamPush[]; cursor?: string | undefined }>;
}

export type PushOutcome =
  | { readonly state: 'accepted'; readonly at: Date; readonly receipt: string }
  | {
      readonly state: 'failed';
      readonly at: Date;
      readonly reason: string;
      readonly field?: string | undefined;
    }
  | { readonly state: 'pending'; readonly at: Date; readonly retryAt: Date; readonly reason: string };

/** 1, 2, 4 … minutes after each fault, at most an hour apart; a record is never given up. */
export const PUSH_RETRY = { firstDelayMs: 60_000, maxDelayMs: 3600_000 } as const;
/** How long one try holds a push: longer than the client's own timeout. */
export const PUSH_LEASE_MS = 60_000;

export function pushRetryDelayMs(failures: number): number {
  return doublingDelayMs(failures, PUSH_RETRY);
}

export interface PushDeps {
  readonly store: PushStore;
  readonly records: { get(id: string): Promise<DisclosureRecord | undefined> };
  /** The directory's agency names: the message names the deciding agency (处罚机关). */
  readonly agencyName: (uscc: string) => Promise<string | undefined>;
  readonly upstream: UpstreamPort;
  readonly clock: () => Date;
  readonly count?: (what: 'accepted' | 'refused' | 'retry') => void;
}

/** Sends one due push, as a timer handler of the `upstream` sweep. */
export function makeUpstreamPushHandler(deps: PushDeps): DeadlineHandler {
  const { store, records, upstream, clock, count = () => {} } = deps;
  return async (item, now) => {
    const push = await store.get(item.subjectId);
    // 'stale' would have the sweep delete the index entry's item, which is the push state
    // itself: only when there is none. One already settled is out of the index once its
    // write shows there (the index is read eventually consistently).
    if (!push) return 'stale';
    if (push.state !== 'pending') return 'upstream-settled';
    if (Date.parse(push.dueAt) > now.getTime()) return 'not-due';
    const record = await records.get(push.recordId);
    const intent = record && upstreamIntentOf(record);
    // The record changed between the two reads: its transaction wrote the newer intent,
    // which the next run sends (never 'stale': that would delete the newer push state).
    if (!record || !intent || intent.digest !== push.digest) return 'upstream-superseded';
    const name = (await deps.agencyName(record.authority.uscc)) ?? record.authority.name ?? '';
    await store.claim(push, clock(), new Date(clock().getTime() + PUSH_LEASE_MS));
    let answer: UpstreamAnswer;
    try {
      answer = await upstream.send(upstreamMessage(record, intent, name));
    } catch (error) {
      const failures = push.attempts + 1;
      await store.settle(push, {
        state: 'pending',
        at: now,
        retryAt: new Date(now.getTime() + pushRetryDelayMs(failures)),
        reason:
          error instanceof Error
            ? `${error.name}: ${error.message}`.slice(0, 300)
            : String(error).slice(0, 300),
      });
      count('retry');
      return 'upstream-retry-later';
    }
    if (answer.outcome === 'accepted') {
      await store.settle(push, { state: 'accepted', at: now, receipt: answer.receipt });
      count('accepted');
      return 'upstream-accepted';
    }
    await store.settle(push, { state: 'failed', at: now, reason: answer.reason, field: answer.field });
    count('refused');
    return 'upstream-refused';
  };
}

/** A push state as its agency reads it: with its label, without the sweep's bookkeeping. */
export function pushView(push: UpstreamPush) {
  return { ...push, stateLabel: PUSH_STATE_LABELS[push.state] };
}

/** What the agency reads of its records' pushes; a record of another agency is not found. */
export function makeUpstreamViews(deps: {
  records: { get(agency: string, id: string): Promise<unknown> };
  pushes: Pick<PushStore, 'get' | 'forAgency'>;
}) {
  return {
    async ofRecord(agency: string, recordId: string) {
      await deps.records.get(agency, recordId);
      const push = await deps.pushes.get(recordId);
      if (!push)
        throw new NotFoundError({
          code: 'upstream_push_not_found',
          messages: {
            zh: '该记录尚未公示，不向市公共信用信息平台报送',
            en: 'the record was never published, so nothing of it is pushed upstream',
          },
        });
      return pushView(push);
    },
    async ofAgency(q: Parameters<PushStore['forAgency']>[0]) {
      const page = await deps.pushes.forAgency(q);
      return { items: page.items.map(pushView), cursor: page.cursor };
    },
  };
}
