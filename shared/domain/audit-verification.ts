import { type AuditEntry, firstBrokenLink, hashState } from './audit.ts';

/** One chain as the verifier reads it: its entries and the aggregate's current state. */
export interface ChainSnapshot {
  readonly chain: string;
  readonly entries: readonly AuditEntry[];
  /** The aggregate's state now (what the last entry must hash), or undefined if it is gone. */
  readonly state: unknown;
  readonly headSeq: number | undefined;
}

/** What the audit verification can find wrong with a hash chain, in words for the credit office. */
export const CHAIN_PROBLEM_LABELS = {
  'broken-link': '哈希链断裂（记录被改动或删除）',
  'state-mismatch': '当前数据与审计记录不一致',
  'aggregate-missing': '审计记录所指的数据不存在',
  'head-mismatch': '链首与数据版本不一致',
} as const;

export interface ChainProblem {
  readonly chain: string;
  readonly problem: keyof typeof CHAIN_PROBLEM_LABELS;
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
