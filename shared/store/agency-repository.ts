import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AgencyEntry, StoredAgency } from '../domain/agencies/agency.ts';
import type { AgencyStore } from '../domain/agencies/ports.ts';
import { type Actor, GENESIS, nextAuditEntry } from '../domain/audit.ts';
import { ConflictError } from '../domain/errors.ts';
import {
  AGENCY_PARTITION,
  AGENCY_SK_PREFIX,
  agencyAuditPartition,
  agencyFromItem,
  agencyKey,
  agencyToItem,
} from './agency-items.ts';
import { auditItem } from './audit-items.ts';
import type { Store } from './client.ts';
import { transactWrite } from './transactions.ts';

export function agencyRepository({ client, tableName }: Store) {
  const repository = {
    /** Every entry, with one (paged) Query of the directory's partition. */
    async list(): Promise<StoredAgency[]> {
      const found: StoredAgency[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': AGENCY_PARTITION, ':prefix': AGENCY_SK_PREFIX },
            ExclusiveStartKey: start,
          }),
        );
        found.push(...(out.Items ?? []).map(agencyFromItem));
        start = out.LastEvaluatedKey;
      } while (start);
      return found;
    },

    async get(uscc: string): Promise<StoredAgency | undefined> {
      const out = await client.send(
        new GetCommand({ TableName: tableName, Key: agencyKey(uscc), ConsistentRead: true }),
      );
      return out.Item ? agencyFromItem(out.Item) : undefined;
    },

    /** Writes the entry over `previous` and appends its audit entry, in one transaction. */
    async put(
      agency: AgencyEntry,
      previous: StoredAgency | undefined,
      change: { actor: Actor; at: string },
    ): Promise<StoredAgency> {
      const expectedVersion = previous?.version ?? 0;
      const audit = nextAuditEntry(previous?.head ?? GENESIS, {
        at: change.at,
        actor: change.actor,
        action: previous ? 'agency.renamed' : 'agency.named',
        state: agency,
      });
      const stored: StoredAgency = {
        agency,
        version: expectedVersion + 1,
        updatedAt: change.at,
        head: audit,
      };
      const condition =
        expectedVersion === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: 'version = :expected',
              ExpressionAttributeValues: { ':expected': expectedVersion },
            };
      const entry = auditItem(agencyAuditPartition(agency.uscc), audit);
      await transactWrite(
        client,
        [
          { Put: { TableName: tableName, Item: agencyToItem(stored), ...condition } },
          { Put: { TableName: tableName, Item: entry, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
        () =>
          new ConflictError({
            code: 'agency_changed',
            messages: {
              zh: `机关 ${agency.uscc} 的名录条目已被他人修改，请重新读取后再提交`,
              en: `agency ${agency.uscc} was changed by someone else; read it again and retry`,
            },
          }),
        // A write whose answer was lost is done if its audit entry is there.
        { tableName, key: { pk: entry.pk, sk: entry.sk }, attribute: 'hash', value: audit.hash },
      );
      return stored;
    },
  };
  return repository satisfies AgencyStore;
}

export type AgencyRepository = ReturnType<typeof agencyRepository>;
