import { NotFoundError } from '../errors.ts';
import { nameKey } from './name-search.ts';
import type { Page, PublicSearch, RecordStore } from './ports.ts';
import { type PublicRecord, publicView } from './public-view.ts';
import { type DisclosureRecord, isPubliclyListed } from './record.ts';

function notPublic(): NotFoundError {
  return new NotFoundError({
    code: 'disclosure_not_found',
    messages: { zh: '没有这条公示信息', en: 'no such public record' },
  });
}

/** What anyone may read: published, publicly visible records, masked. */
export function makePublicDisclosureUseCases({ records }: { records: RecordStore }) {
  return {
    async search(query: PublicSearch): Promise<Page<PublicRecord>> {
      const page = await records.searchPublic(query);
      // The index chose the candidates; each is checked again against the record itself, so
      // an index entry that has gone stale can never put a wrong record in the answer.
      const hits = page.items.filter((record) => isPubliclyListed(record) && matchesSearch(record, query));
      return { items: hits.map(publicView), cursor: page.cursor };
    },

    /** An entity's own records in public view, with its pending objection or repair, newest first. */
    async forEntity(entity: string, query: { limit: number; cursor?: string | undefined }) {
      const page = await records.searchPublic({ uscc: entity, ...query });
      return {
        items: page.items.filter(isPubliclyListed).map((record) => ({
          ...publicView(record),
          ...(record.objection ? { pendingObjection: record.objection } : {}),
          ...(record.repair ? { pendingRepair: record.repair } : {}),
        })),
        cursor: page.cursor,
      };
    },

    /** One public record; 404 for anything not public, whether or not it exists. */
    async get(id: string): Promise<PublicRecord> {
      const record = await records.get(id);
      if (!record || !isPubliclyListed(record)) throw notPublic();
      return publicView(record);
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
    (!query.name || nameKey(content.subject.name).includes(nameKey(query.name)))
  );
}
