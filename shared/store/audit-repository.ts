import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { stateOf } from '../domain/audit.ts';
import type { ChainSnapshot } from '../domain/audit-verification.ts';
import { agencyAuditPartition, agencyFromItem, agencyKey } from './agency-items.ts';
import { AUDIT_PREFIX, auditEntryFromItem, CHAIN_SHARDS, chainHeadOf } from './audit-items.ts';
import { batchGetAll } from './batch-get.ts';
import type { Store } from './client.ts';
import { decodeCursor, encodeCursor, isStartKey, startKeyRules } from './cursor.ts';
import { fromItem as recordFromItem } from './record-items.ts';
import { workflowFromItem } from './workflow-items.ts';

type Item = Record<string, unknown>;

/** The aggregate item of a chain: the record, objection, repair, calendar year, list entry or check. */
const AGGREGATE_SK: Record<string, string> = {
  REC: 'REC',
  OBJ: 'OBJ',
  REP: 'REP',
  CAL: 'CALENDAR',
  LST: 'LST',
  CHK: 'CHK',
  CMT: 'CMT',
  RPT: 'RPT',
};

/**
 * The aggregate item of a chain. An agency's chain (`AGYLOG#<uscc>`) is kept apart from its
 * entry, which lives in the directory's one partition (agency-items.ts).
 */
function aggregateKeyOf(pk: string): { pk: string; sk: string } {
  const [prefix = '', rest = ''] = pk.split(/#(.*)/s);
  if (pk === agencyAuditPartition(rest)) return agencyKey(rest);
  return { pk, sk: AGGREGATE_SK[prefix] ?? '' };
}

function chainOfAggregate(item: Item): string {
  return item.type === 'agency' ? agencyAuditPartition(item.uscc as string) : (item.pk as string);
}

/** What the chain of an aggregate item hashes, by the kind of item (as each use case hashes it). */
function currentState(item: Item): unknown {
  switch (item.type) {
    case 'record':
      return stateOf(recordFromItem(item));
    case 'objection':
    case 'repair':
      return stateOf(workflowFromItem(item));
    // Kept as their state without the chain head: what their use cases hash (stateOf).
    case 'list-entry':
    case 'check':
    case 'commitment':
      return item.state;
    // Issued once and never changed: the report as its one audit entry hashed it.
    case 'report':
      return item.report;
    case 'agency':
      return agencyFromItem(item).agency;
    case 'calendar-year':
      return {
        year: item.year,
        status: item.status,
        source: item.source,
        holidays: item.holidays,
        workdays: item.workdays,
      };
    default:
      return undefined;
  }
}

/** Every audit chain, a page at a time, with the current state of its aggregate. */
export function auditRepository({ client, tableName }: Store) {
  async function entries(pk: string): Promise<ReturnType<typeof auditEntryFromItem>[]> {
    const out: ReturnType<typeof auditEntryFromItem>[] = [];
    let start: Item | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
          ExpressionAttributeValues: { ':pk': pk, ':a': AUDIT_PREFIX },
          ExclusiveStartKey: start,
          ConsistentRead: true,
        }),
      );
      out.push(...(page.Items ?? []).map(auditEntryFromItem));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  return {
    /** Up to `limit` chains from where `cursor` left off, shard by shard. */
    async chains(
      limit: number,
      cursor?: string,
    ): Promise<{ snapshots: ChainSnapshot[]; cursor?: string | undefined }> {
      const shape = { verify: true };
      const position = decodeCursor(
        cursor,
        shape,
        ({ shard, key, ...rest }) =>
          Object.keys(rest).length === 0 &&
          typeof shard === 'number' &&
          Number.isInteger(shard) &&
          shard >= 0 &&
          shard < CHAIN_SHARDS &&
          (key === undefined || isStartKey(key, startKeyRules('gsi1', `CHAINS#${shard}`))),
      ) as { shard: number; key?: Item } | undefined;
      let shard = position?.shard ?? 0;
      let key = position?.key;
      const pks: string[] = [];
      while (shard < CHAIN_SHARDS && pks.length < limit) {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk',
            ExpressionAttributeValues: { ':pk': `CHAINS#${shard}` },
            Limit: limit - pks.length,
            ...(key ? { ExclusiveStartKey: key } : {}),
          }),
        );
        pks.push(...(page.Items ?? []).map((item) => item.pk as string));
        key = page.LastEvaluatedKey;
        if (!key) shard++;
      }
      const keys = pks.map(aggregateKeyOf);
      const items = await batchGetAll(client, tableName, keys, { consistentRead: true });
      const aggregates = new Map(items.map((item) => [chainOfAggregate(item), item]));
      const snapshots = await Promise.all(
        pks.map(async (chain) => {
          const aggregate = aggregates.get(chain);
          return {
            chain,
            entries: await entries(chain),
            state: aggregate ? currentState(aggregate) : undefined,
            headSeq: aggregate ? chainHeadOf(aggregate)?.seq : undefined,
          };
        }),
      );
      const more = shard < CHAIN_SHARDS;
      return {
        snapshots,
        cursor: more ? encodeCursor(shape, { shard, ...(key ? { key } : {}) }) : undefined,
      };
    },
  };
}
