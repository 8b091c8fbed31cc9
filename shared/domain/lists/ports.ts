import type { DomainEvent } from '../events.ts';
import type { Page } from '../records/ports.ts';
import type { Filer } from '../workflows/party.ts';
import type { Change } from '../workflows/ports.ts';
import type { ListEntry } from './entry.ts';
import type { EntryStatus, ListType } from './vocabulary.ts';

export interface PublicListQuery {
  readonly type?: ListType | undefined;
  readonly uscc?: string | undefined;
  readonly name?: string | undefined;
  readonly agency?: string | undefined;
  readonly limit: number;
  readonly cursor?: string | undefined;
}

/** Where list entries are kept, with the indexes their lists read (no Scan). */
export interface ListStore {
  get(id: string): Promise<ListEntry | undefined>;
  /** The entry's change, its audit entry and events, in one write (ConflictError if it changed). */
  commit(change: {
    readonly entry: Change<ListEntry>;
    readonly events: readonly DomainEvent[];
  }): Promise<void>;
  /** Entries in public view, newest listing first, narrowed by any of the filters. */
  publicList(query: PublicListQuery): Promise<Page<ListEntry>>;
  /** An agency's own entries, newest first, optionally of one status. */
  forAgency(query: {
    agency: string;
    status?: EntryStatus | undefined;
    limit: number;
    cursor?: string | undefined;
  }): Promise<Page<ListEntry>>;
  /** The entries about a party, whatever their state, newest first. */
  forParty(query: { party: Filer; limit: number; cursor?: string | undefined }): Promise<Page<ListEntry>>;
  /** Entries escalated to the credit office and still open, newest first. */
  escalated(query: { limit: number; cursor?: string | undefined }): Promise<Page<ListEntry>>;
}
