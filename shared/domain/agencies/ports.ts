import type { Actor } from '../audit.ts';
import type { AgencyEntry, StoredAgency } from './agency.ts';

/** Where the agency directory is kept (one partition of the table, read with one Query). */
export interface AgencyStore {
  list(): Promise<StoredAgency[]>;
  get(uscc: string): Promise<StoredAgency | undefined>;
  /** Writes `agency` over `previous` (undefined: new); throws ConflictError if another write won. */
  put(
    agency: AgencyEntry,
    previous: StoredAgency | undefined,
    change: { actor: Actor; at: string },
  ): Promise<StoredAgency>;
}
