import { createHash } from 'node:crypto';
import type { OpenDeadline } from '../domain/deadlines/kinds.ts';

/**
 * Open deadlines live in the `deadlines` index, keyed `DL#<kind>#<shard>` and sorted by the
 * UTC instant they fall due. Shards spread the writes of a busy kind over a few partitions;
 * a sweep queries each shard up to "now" and so reads only what is due.
 */
export const DEADLINE_SHARDS = 4;

export function shardOf(subjectId: string): number {
  return (createHash('sha256').update(subjectId).digest()[0] ?? 0) % DEADLINE_SHARDS;
}

export function deadlinePartition(kind: string, shard: number): string {
  return `DL#${kind}#${shard}`;
}

/** The index entry of one open deadline, stored in the partition of the aggregate it guards. */
export function deadlineEntry(aggregatePk: string, subjectId: string, deadline: OpenDeadline) {
  const sk = `DEADLINE#${deadline.kind}`;
  const utc = new Date(deadline.dueAt).toISOString();
  return {
    pk: aggregatePk,
    sk,
    item: {
      pk: aggregatePk,
      sk,
      type: 'deadline',
      kind: deadline.kind,
      subjectId,
      dueAt: deadline.dueAt,
      dlpk: deadlinePartition(deadline.kind, shardOf(subjectId)),
      dlsk: `${utc}#${subjectId}`,
    },
  };
}
