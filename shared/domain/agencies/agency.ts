import type { ChainHead } from '../audit.ts';

/** One deciding body in the credit office's directory (处罚机关 / 许可机关 by name and code). */
export interface AgencyEntry {
  readonly uscc: string;
  readonly name: string;
  readonly shortName?: string | undefined;
}

/** An entry as kept, with what optimistic concurrency and the audit trail need. */
export interface StoredAgency {
  readonly agency: AgencyEntry;
  readonly version: number;
  readonly updatedAt: string;
  readonly head: ChainHead;
}

/** The name a public answer shows for an agency: the directory's, else the one the record carries. */
export function authorityOf(
  uscc: string,
  names: ReadonlyMap<string, string>,
  recorded?: string | undefined,
): { uscc: string; name?: string } {
  const name = names.get(uscc) ?? recorded;
  return name === undefined ? { uscc } : { uscc, name };
}

/** uscc → name of every entry, for answers that show many agencies. */
export function namesOf(entries: readonly AgencyEntry[]): ReadonlyMap<string, string> {
  return new Map(entries.map((e) => [e.uscc, e.name]));
}
