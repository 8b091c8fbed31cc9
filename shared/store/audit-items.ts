import type { Actor, AuditEntry, ChainHead } from '../domain/audit.ts';

/**
 * Audit entries live in their aggregate's partition (`AUDIT#` + zero-padded seq), so a
 * chain is read with one Query and no global counter or lock is ever needed.
 */
export const AUDIT_PREFIX = 'AUDIT#';

export function auditSortKey(seq: number): string {
  return `${AUDIT_PREFIX}${String(seq).padStart(10, '0')}`;
}

/**
 * The first entry of every chain also registers the chain (gsi1, `CHAINS#<shard>`), so the
 * verifier can enumerate every chain with queries, without a scan.
 */
export const CHAIN_SHARDS = 4;

export function chainRegistryPartition(pk: string): string {
  let h = 0;
  for (const c of pk) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `CHAINS#${h % CHAIN_SHARDS}`;
}

export function auditItem(pk: string, entry: AuditEntry): Record<string, unknown> {
  return {
    pk,
    sk: auditSortKey(entry.seq),
    type: 'audit',
    ...entry,
    ...(entry.seq === 1 ? { gsi1pk: chainRegistryPartition(pk), gsi1sk: pk } : {}),
  };
}

export function auditEntryFromItem(item: Record<string, unknown>): AuditEntry {
  return {
    seq: item.seq as number,
    at: item.at as string,
    actor: item.actor as Actor,
    action: item.action as string,
    stateHash: item.stateHash as string,
    prevHash: item.prevHash as string,
    hash: item.hash as string,
  };
}

/** The chain head an aggregate item carries, so appending needs no extra read. */
export function chainHeadOf(item: Record<string, unknown> | undefined): ChainHead | undefined {
  if (!item || typeof item.auditSeq !== 'number' || typeof item.auditHash !== 'string') return undefined;
  return { seq: item.auditSeq, hash: item.auditHash };
}
