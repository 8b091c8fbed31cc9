import { type AuditEntry, firstBrokenLink, hashState } from './audit.ts';

/** One chain as the verifier reads it: its entries and the aggregate's current state. */
export interface ChainSnapshot {
  readonly chain: string;
  readonly entries: readonly AuditEntry[];
  /** The aggregate's state now (what the last entry must hash), or undefined if it is gone. */
  readonly state: unknown;
  readonly headSeq: number | undefined;
}

export interface ChainProblem {
  readonly chain: string;
  readonly problem: 'broken-link' | 'state-mismatch' | 'aggregate-missing' | 'head-mismatch';
  readonly seq?: number;
}

/**
 * What is wrong with a chain: a link whose hash does not recompute (an entry altered, removed
 * or reordered), a current state that is not the one the last entry recorded (the aggregate
 * altered outside the service), or a head that does not point at the last entry.
 */
export function chainProblems(snapshot: ChainSnapshot): ChainProblem[] {
  const { chain, entries, state } = snapshot;
  const broken = firstBrokenLink(entries);
  if (broken) return [{ chain, problem: 'broken-link', seq: broken.seq }];
  const last = entries.at(-1);
  if (!last) return [];
  if (state === undefined) return [{ chain, problem: 'aggregate-missing' }];
  if (snapshot.headSeq !== last.seq) return [{ chain, problem: 'head-mismatch', seq: last.seq }];
  if (hashState(state) !== last.stateHash) return [{ chain, problem: 'state-mismatch', seq: last.seq }];
  return [];
}
