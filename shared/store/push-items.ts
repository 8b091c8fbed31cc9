import type { DisclosureRecord } from '../domain/records/record.ts';
import { upstreamIntentOf } from '../domain/sharing/exchange-format.ts';
import type { PushState, UpstreamPush } from '../domain/sharing/upstream.ts';
import type { Op } from './changes.ts';
import { deadlinePartition, shardOf } from './deadline-items.ts';
import { recordKey } from './record-items.ts';

/**
 * A record's push state lives in the record's partition (sort key `UPSTREAM`). It is in two
 * indexes: the `deadlines` index (kind `upstream-push`) while a try is due, and gsi1 in
 * `UPSTREAM#<shard>` sorted by `<agency>#<state>#<record>`, so an agency's refused pushes are
 * one query per shard and the reconciliation reads every state without a Scan.
 */
export const PUSH_SK = 'UPSTREAM';
export const PUSH_KIND = 'upstream-push';
export const PUSH_SHARDS = 4;

export const pushKey = (recordId: string) => ({ pk: recordKey(recordId).pk, sk: PUSH_SK });
export const pushPartition = (shard: number) => `UPSTREAM#${shard}`;
export const pushSortKey = (agency: string, state: PushState, recordId: string) =>
  `${agency}#${state}#${recordId}`;
const shardOfPush = (recordId: string) => shardOf(recordId) % PUSH_SHARDS;

export function dueKeys(recordId: string, dueAt: string) {
  return {
    dlpk: deadlinePartition(PUSH_KIND, shardOf(recordId)),
    dlsk: `${new Date(dueAt).toISOString()}#${recordId}`,
  };
}

export function pushItem(push: UpstreamPush): Record<string, unknown> {
  return {
    ...pushKey(push.recordId),
    type: 'upstream-push',
    push,
    gsi1pk: pushPartition(shardOfPush(push.recordId)),
    gsi1sk: pushSortKey(push.agency, push.state, push.recordId),
    ...(push.state === 'pending'
      ? {
          kind: PUSH_KIND,
          subjectId: push.recordId,
          dueAt: push.dueAt,
          ...dueKeys(push.recordId, push.dueAt),
        }
      : {}),
  };
}

/**
 * The push a record change starts: a new pending state when what the upstream should hold of
 * the record changed (published, corrected, revoked, publication ended), none otherwise. Put
 * in the change's own transaction, it replaces any earlier state: only the newest intent is
 * sent, and a refused record is tried again once its agency corrects it.
 */
export function pushOps(
  tableName: string,
  before: DisclosureRecord | undefined,
  after: DisclosureRecord,
  at: string,
): Op[] {
  const intent = upstreamIntentOf(after);
  if (!intent || intent.digest === (before && upstreamIntentOf(before))?.digest) return [];
  const push: UpstreamPush = { ...intent, state: 'pending', attempts: 0, dueAt: at, updatedAt: at };
  return [{ write: { Put: { TableName: tableName, Item: pushItem(push) } } }];
}
