import { createHash } from 'node:crypto';

/** Who did something: a caller of the API by role, or the service's own timers. */
export type Actor =
  | { readonly role: 'agency'; readonly id: string }
  | { readonly role: 'entity'; readonly id: string }
  /** A natural person, by a hash of their ID number (never the number: audit chains are long-lived). */
  | { readonly role: 'person'; readonly id: string }
  | { readonly role: 'admin'; readonly id: string }
  | { readonly role: 'system'; readonly id: string };

/**
 * One link of an aggregate's audit chain. `hash` covers every other field, `prevHash`
 * included, so changing or removing any entry breaks every later link.
 */
export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: Actor;
  readonly action: string;
  readonly stateHash: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export const GENESIS: ChainHead = { seq: 0, hash: '0'.repeat(64) };

/** JSON with object keys sorted at every level, so equal values always hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function hashState(state: unknown): string {
  return sha256(canonicalJson(state));
}

function linkHash(entry: Omit<AuditEntry, 'hash'>): string {
  return sha256(canonicalJson(entry));
}

/** The entry that follows `head` for a change that leaves the aggregate in `state`. */
export function nextAuditEntry(
  head: ChainHead,
  change: { at: string; actor: Actor; action: string; state: unknown },
): AuditEntry {
  const entry = {
    seq: head.seq + 1,
    at: change.at,
    actor: change.actor,
    action: change.action,
    stateHash: hashState(change.state),
    prevHash: head.hash,
  };
  return { ...entry, hash: linkHash(entry) };
}

/** The first entry (by seq) whose link is broken, or undefined when the chain holds. */
export function firstBrokenLink(entries: readonly AuditEntry[]): AuditEntry | undefined {
  let head = GENESIS;
  for (const entry of entries) {
    const { hash, ...rest } = entry;
    if (entry.seq !== head.seq + 1 || entry.prevHash !== head.hash || linkHash(rest) !== hash) return entry;
    head = entry;
  }
  return undefined;
}

/** What an aggregate's audit entries hash: the aggregate without its chain head. */
export function stateOf<T extends { readonly head?: unknown }>(aggregate: T): Omit<T, 'head'> {
  const { head: _head, ...state } = aggregate;
  return state;
}

/**
 * The audit entry of a change that takes an aggregate from `before` (undefined: a new one) to
 * `after`: the next link of its chain, hashing the state it is left in.
 */
export function auditEntryFor(
  before: { readonly head: ChainHead } | undefined,
  after: object,
  change: { readonly actor: Actor; readonly action: string; readonly at: Date },
): AuditEntry {
  return nextAuditEntry(before?.head ?? GENESIS, {
    at: change.at.toISOString(),
    actor: change.actor,
    action: change.action,
    state: stateOf(after as { readonly head?: unknown }),
  });
}
