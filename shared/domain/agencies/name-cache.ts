import type { Clock } from '../clock.ts';
import { namesOf } from './agency.ts';
import type { AgencyStore } from './ports.ts';

/** How long a warm function trusts the names it read. */
export const AGENCY_NAMES_TTL_MS = 60_000;

/**
 * The cache's lifetime from `AGENCY_NAMES_CACHE_SECONDS` (0–3600), else a minute. Read once at
 * cold start; a value that is no whole number fails there. Locally (one process, a person
 * renaming and looking at once) and in tests it may be set to 0.
 */
export function agencyNamesTtlMs(env: Readonly<Record<string, string | undefined>>): number {
  const value = env.AGENCY_NAMES_CACHE_SECONDS;
  if (value === undefined || value === '') return AGENCY_NAMES_TTL_MS;
  if (!/^\d{1,4}$/.test(value) || Number(value) > 3600)
    throw new Error(`AGENCY_NAMES_CACHE_SECONDS must be 0–3600 seconds, not ${value}`);
  return Number(value) * 1000;
}

export type AgencyNames = () => Promise<ReadonlyMap<string, string>>;

/**
 * The directory's names, read at most once per `ttlMs` per warm Lambda. Every public answer
 * shows agency names, and the directory changes a few times a year: one Query per request
 * would double the reads of the busiest routes for nothing, while a rename showing up to a
 * minute late harms no one (the record itself never changes).
 */
export function cachedAgencyNames(
  store: Pick<AgencyStore, 'list'>,
  clock: Clock,
  ttlMs = AGENCY_NAMES_TTL_MS,
): AgencyNames {
  let cached: { names: ReadonlyMap<string, string>; until: number } | undefined;
  let pending: Promise<ReadonlyMap<string, string>> | undefined;
  return async () => {
    const now = clock().getTime();
    if (cached && now < cached.until) return cached.names;
    pending ??= store
      .list()
      .then((stored) => {
        const names = namesOf(stored.map((s) => s.agency));
        cached = { names, until: clock().getTime() + ttlMs };
        return names;
      })
      // Names only adorn an answer: a failed read must not fail the public search with it.
      // The names last read (or none, showing the bare codes) serve until the next try.
      .catch(() => cached?.names ?? new Map<string, string>())
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}
