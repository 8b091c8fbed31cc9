import type { Actor } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { StaleVersionError } from '../errors.ts';
import type { AgencyEntry, StoredAgency } from './agency.ts';
import type { AgencyStore } from './ports.ts';

/** An entry as the API shows it. */
export interface AgencyView extends AgencyEntry {
  readonly version: number;
  readonly updatedAt: string;
}

function view({ agency, version, updatedAt }: StoredAgency): AgencyView {
  return { ...agency, version, updatedAt };
}

function staleVersion(uscc: string, current: number, code: string): StaleVersionError {
  const required = code === 'agency_if_match_required';
  return new StaleVersionError({
    code,
    field: 'if-match',
    messages: required
      ? {
          zh: `机关 ${uscc} 已在名录中（第 ${current} 版），修改须带 If-Match`,
          en: `agency ${uscc} is in the directory (version ${current}); an update needs If-Match`,
        }
      : {
          zh: `机关 ${uscc} 的名录条目已是第 ${current} 版，与 If-Match 不符`,
          en: `agency ${uscc} is at version ${current}, not the one in If-Match`,
        },
  });
}

/**
 * The version check of a directory write: a new entry needs no If-Match (or `"0"`); changing
 * an entry needs the version the caller read, so two clerks of the office never overwrite
 * each other's correction unseen.
 */
export function checkVersion(uscc: string, previous: StoredAgency | undefined, ifMatch: number | undefined) {
  const current = previous?.version ?? 0;
  if (ifMatch === undefined) {
    if (previous) throw staleVersion(uscc, current, 'agency_if_match_required');
    return;
  }
  if (ifMatch !== current) throw staleVersion(uscc, current, 'agency_version_mismatch');
}

export function makeAgencyUseCases({ store, clock }: { store: AgencyStore; clock: Clock }) {
  return {
    /** The whole directory, by USCC ascending. */
    async list(): Promise<AgencyView[]> {
      const stored = await store.list();
      return stored.map(view).sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0));
    },

    /**
     * Names (or renames) an agency.
     * 1. Read the current entry. 2. Check If-Match against its version (checkVersion).
     * 3. Write the entry and its audit entry together (the store's transaction).
     */
    async put(
      agency: AgencyEntry,
      { actor, ifMatch }: { actor: Actor; ifMatch?: number | undefined },
    ): Promise<AgencyView & { created: boolean }> {
      const previous = await store.get(agency.uscc);
      checkVersion(agency.uscc, previous, ifMatch);
      const entry: AgencyEntry = {
        uscc: agency.uscc,
        name: agency.name,
        ...(agency.shortName === undefined ? {} : { shortName: agency.shortName }),
      };
      const stored = await store.put(entry, previous, { actor, at: clock().toISOString() });
      return { ...view(stored), created: previous === undefined };
    },
  };
}

export type AgencyUseCases = ReturnType<typeof makeAgencyUseCases>;
