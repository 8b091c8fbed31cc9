import { NotFoundError } from '../errors.ts';
import type { Page, PublicSearch, RecordStore } from './ports.ts';
import { type PublicRecord, publicView } from './public-view.ts';
import { isPubliclyListed } from './record.ts';

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
      return { items: page.items.filter(isPubliclyListed).map(publicView), cursor: page.cursor };
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
