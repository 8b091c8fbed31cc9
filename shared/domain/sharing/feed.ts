import {
  type PublicRecord,
  publicView,
  type RevocationNotice,
  revocationNotice,
} from '../records/public-view.ts';
import { type DisclosureRecord, isPubliclyListed } from '../records/record.ts';
import { isRevocationNoticeShownAt } from '../records/revocation.ts';
import { isShownAt } from '../records/shown.ts';

/**
 * The public change feed: every change of what the public sees, in the order the changes were
 * committed. Each entry is numbered in the transaction of its change (feed-items.ts), so the
 * numbers have no gap, and a reader resuming after number N misses nothing and sees nothing
 * twice. An entry keeps only what changed and the record's id; what a reader gets is the
 * record's public view *now*, so a record taken out of view since is not shown through its old
 * entries (条例 第59条(五)).
 */
export const FEED_CHANGES = ['published', 'corrected', 'revoked', 'ended'] as const;
export type FeedChange = (typeof FEED_CHANGES)[number];

export const FEED_CHANGE_LABELS: Readonly<Record<FeedChange, string>> = {
  published: '信息公示',
  corrected: '信息更正',
  revoked: '信息撤销',
  ended: '停止公示',
};

/** What a record change adds to the feed, before it is numbered. */
export interface FeedDraft {
  readonly change: FeedChange;
  readonly at: string;
  readonly recordId: string;
  readonly revision: number;
}

export interface FeedEntry extends FeedDraft {
  /** The entry's place in the feed: 1, 2, 3 … with no gap. */
  readonly seq: number;
}

/**
 * The public change a record change makes, if any: it came into public view, its content was
 * corrected in view, or it left view (revoked, or its publication ended: the period ran out,
 * credit repair, or a correction made it a record the public may not see).
 */
export function feedChangeOf(
  before: DisclosureRecord | undefined,
  after: DisclosureRecord,
  at: Date,
): FeedDraft | undefined {
  const was = before !== undefined && isPubliclyListed(before);
  const is = isPubliclyListed(after);
  const change: FeedChange | undefined =
    !was && is
      ? 'published'
      : was && is && before.version !== after.version
        ? 'corrected'
        : was && !is
          ? after.status === 'revoked'
            ? 'revoked'
            : 'ended'
          : undefined;
  return change && { change, at: at.toISOString(), recordId: after.id, revision: after.revision };
}

/** The state a feed entry's record is in now, as the public may know it. */
export type FeedItem = {
  readonly cursor: string;
  readonly seq: number;
  readonly change: FeedChange;
  readonly changeLabel: string;
  readonly at: string;
  readonly id: string;
} & (
  | { readonly current: 'shown'; readonly record: PublicRecord }
  | { readonly current: 'revoked'; readonly revocation: RevocationNotice }
  | { readonly current: 'withdrawn' }
);

export function feedItem(entry: FeedEntry, record: DisclosureRecord | undefined, now: Date): FeedItem {
  const head = {
    cursor: String(entry.seq),
    seq: entry.seq,
    change: entry.change,
    changeLabel: FEED_CHANGE_LABELS[entry.change],
    at: entry.at,
    id: entry.recordId,
  };
  if (record && isShownAt(record, now)) return { ...head, current: 'shown', record: publicView(record) };
  const notice = record && isRevocationNoticeShownAt(record, now) && revocationNotice(record);
  if (notice) return { ...head, current: 'revoked', revocation: notice };
  return { ...head, current: 'withdrawn' };
}

/** The largest page a reader may ask for. */
export const FEED_MAX_LIMIT = 100;
export const FEED_DEFAULT_LIMIT = 50;

export interface FeedStore {
  /** Entries numbered after `after`, in order, at most `limit`. */
  after(after: number, limit: number): Promise<FeedEntry[]>;
  /** The newest `limit` entries, newest first. */
  latest(limit: number): Promise<FeedEntry[]>;
}

export interface FeedPage {
  readonly items: FeedItem[];
  /** Where to resume: the last entry read, or `after` itself when there was none. */
  readonly cursor: string;
}

export function makeFeed(deps: {
  feed: FeedStore;
  records: { getMany(ids: readonly string[]): Promise<DisclosureRecord[]> };
  clock: () => Date;
}) {
  async function render(entries: FeedEntry[]): Promise<FeedItem[]> {
    const records = await deps.records.getMany([...new Set(entries.map((e) => e.recordId))]);
    const byId = new Map(records.map((r) => [r.id, r]));
    const now = deps.clock();
    return entries.map((entry) => feedItem(entry, byId.get(entry.recordId), now));
  }
  return {
    async page(after: number, limit: number): Promise<FeedPage> {
      const entries = await deps.feed.after(after, limit);
      return { items: await render(entries), cursor: String(entries.at(-1)?.seq ?? after) };
    },
    latest: async (limit: number) => render(await deps.feed.latest(limit)),
  };
}
