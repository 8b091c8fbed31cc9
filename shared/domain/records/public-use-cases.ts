import type { Clock } from '../clock.ts';
import { systemClock } from '../clock.ts';
import { NotFoundError } from '../errors.ts';
import { repairStanding } from '../repairs/eligibility.ts';
import type { Filer } from '../workflows/party.ts';
import { nameKey } from './name-search.ts';
import type { Page, PublicSearch, RecordStore } from './ports.ts';
import { clampDecisionRange } from './public-range.ts';
import {
  type PublicRecord,
  publicView,
  type RevocationNotice,
  revocationNotice,
  searchableName,
} from './public-view.ts';
import type { DisclosureRecord } from './record.ts';
import { isRevocationNoticeShownAt } from './revocation.ts';
import { isShownAt } from './shown.ts';

function notPublic(): NotFoundError {
  return new NotFoundError({
    code: 'disclosure_not_found',
    messages: { zh: '没有这条公示信息', en: 'no such public record' },
  });
}

/** The most a search counts exactly ("1,000+" beyond): the count never reads more entries. */
export const SEARCH_COUNT_CAP = 1000;

/**
 * How far one answer walks the index when the pages it reads hold nothing to show (entries of
 * records hidden since they were indexed, filters that match nothing for a while): at most this
 * many store pages, each bounded itself, and no longer than this many milliseconds. An answer
 * then comes back empty only with a cursor if the walk was cut short, never when it ended.
 */
export const PUBLIC_WALK_BUDGET = { pages: 5, milliseconds: 3000 } as const;

/** What anyone may read: published, publicly visible records inside their publication period, masked. */
export function makePublicDisclosureUseCases({
  records,
  clock = systemClock,
}: {
  records: RecordStore;
  clock?: Clock;
}) {
  /**
   * Reads store pages from `query.cursor` on until one has a record to show, the index ends,
   * or the budget is spent; the cursor answered is the last page's, so nothing is skipped.
   */
  async function walk(
    query: PublicSearch,
    shows: (record: DisclosureRecord) => boolean,
  ): Promise<Page<DisclosureRecord>> {
    const started = clock().getTime();
    let cursor = query.cursor;
    for (let pages = 1; ; pages++) {
      const page = await records.searchPublic({ ...query, cursor });
      const hits = page.items.filter(shows);
      const spent =
        pages >= PUBLIC_WALK_BUDGET.pages || clock().getTime() - started >= PUBLIC_WALK_BUDGET.milliseconds;
      if (hits.length > 0 || !page.cursor || spent) return { items: hits, cursor: page.cursor };
      cursor = page.cursor;
    }
  }

  return {
    async search(
      query: PublicSearch,
    ): Promise<Page<PublicRecord> & { total?: number; totalCapped?: boolean }> {
      const now = clock();
      const range = clampDecisionRange(query, now);
      if (!range) return { items: [], total: 0, totalCapped: false };
      // The index chose the candidates; each is checked again against the record itself, so
      // an index entry that has gone stale can never put a wrong record in the answer.
      const { cursor: _c, limit: _l, ...filters } = range;
      const [page, count] = await Promise.all([
        walk(range, (record) => isShownAt(record, now) && matchesSearch(record, range)),
        // Counted once, with the first page; a later page keeps the number it was shown.
        query.cursor ? undefined : records.countPublic?.(filters, SEARCH_COUNT_CAP),
      ]);
      return {
        items: page.items.map(publicView),
        cursor: page.cursor,
        ...(count ? { total: count.total, totalCapped: count.capped } : {}),
      };
    },

    /** An entity's own records in public view, with its pending objection or repair, newest first. */
    async forEntity(entity: string, query: { limit: number; cursor?: string | undefined }) {
      const now = clock();
      const page = await walk({ uscc: entity, ...query }, (record) => isShownAt(record, now));
      return {
        items: page.items.map((record) => ({
          ...publicView(record),
          ...(record.objection ? { pendingObjection: record.objection } : {}),
          ...(record.repair ? { pendingRepair: record.repair } : {}),
          ...standingOf(record, now, { role: 'entity', uscc: entity }),
        })),
        cursor: page.cursor,
      };
    },

    /** One public record; 404 for anything not public, whether or not it exists. */
    async get(id: string): Promise<PublicRecord> {
      const record = await records.get(id);
      if (!record || !isShownAt(record, clock())) throw notPublic();
      return publicView(record);
    },

    /**
     * What the public reads at a record's address: the record, or the notice that replaced a
     * revoked one while it would still have been shown (revocation.ts); 404 for anything else.
     */
    async detail(id: string): Promise<PublicRecord | RevocationNotice> {
      const record = await records.get(id);
      const now = clock();
      if (record && isShownAt(record, now)) return publicView(record);
      const notice = record && isRevocationNoticeShownAt(record, now) && revocationNotice(record);
      if (!notice) throw notPublic();
      return notice;
    },
  };
}

export type PublicDisclosureUseCases = ReturnType<typeof makePublicDisclosureUseCases>;

/** Whether a record meets every filter of a search. */
export function matchesSearch(record: DisclosureRecord, query: PublicSearch): boolean {
  const { content } = record;
  return (
    (!query.uscc || content.subject.uscc === query.uscc) &&
    (!query.agency || record.authority.uscc === query.agency) &&
    (!query.kind || content.kind === query.kind) &&
    (!query.from || content.decisionDate >= query.from) &&
    (!query.to || content.decisionDate <= query.to) &&
    (!query.name || nameKey(searchableName(record)).includes(nameKey(query.name)))
  );
}

/** A penalty's repair standing for its own party, as a field of the answer (none for other kinds). */
export function standingOf(record: DisclosureRecord, now: Date, filer: Filer) {
  const repair = repairStanding(record, now, filer);
  return repair ? { repair } : {};
}
