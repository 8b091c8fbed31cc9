import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CreditCheck } from '../domain/checks/check.ts';
import { type CheckCounts, type CheckStore, countsOf } from '../domain/checks/ports.ts';
import { ConflictError } from '../domain/errors.ts';
import type { Page } from '../domain/records/ports.ts';
import { auditOp, commit, eventOps, indexChanges, ops } from './changes.ts';
import {
  agencyChecksPartition,
  CHECK_COUNTERS_PARTITION,
  checkCounterKey,
  checkEntries,
  checkFromItem,
  checkKey,
  checkToItem,
  ESCALATED_CHECKS,
  entityChecksPartition,
} from './check-items.ts';
import type { Store } from './client.ts';
import { pointedPage } from './pointer-page.ts';

const checkChanged = () =>
  new ConflictError({
    code: 'check_changed',
    messages: {
      zh: '该核查记录已被修改，请刷新后重试',
      en: 'the check was changed meanwhile; reload and retry',
    },
  });

const COUNTERS = ['made', 'withFeedback', 'feedbackOnTime', 'escalated', 'measuresApplied'] as const;

export function checkRepository(store: Store): CheckStore {
  const { client, tableName } = store;

  const pointers = (
    pk: string,
    q: { limit: number; cursor?: string | undefined },
  ): Promise<Page<CreditCheck>> =>
    pointedPage(store, pk, q, {
      key: checkKey,
      idOf: (item) => (item.state as { id: string }).id,
      fromItem: checkFromItem,
    });

  return {
    async get(id) {
      const out = await client.send(new GetCommand({ TableName: tableName, Key: checkKey(id) }));
      return out.Item ? checkFromItem(out.Item) : undefined;
    },

    async commit({ check: { before, after, audit }, events }) {
      const condition = before
        ? { expression: 'revision = :revision', values: { ':revision': before.revision } }
        : { expression: 'attribute_not_exists(pk)' };
      const counts = countsOf(before, after);
      const added = COUNTERS.filter((name) => counts[name] > 0);
      await commit(store, [
        ops(tableName).put(checkToItem(after), condition, checkChanged),
        auditOp(tableName, checkKey(after.id).pk, audit),
        ...indexChanges(tableName, before ? checkEntries(before) : [], checkEntries(after)),
        ...eventOps(tableName, events),
        // The loop's counters move in the same write (ADD, never read-modify-write).
        ...(added.length
          ? [
              ops(tableName).update(
                checkCounterKey(after.agency, after.id),
                `SET #type = :type, agency = :agency ADD ${added.map((n) => `#${n} :${n}`).join(', ')}`,
                {
                  ':type': 'check-counters',
                  ':agency': after.agency,
                  ...Object.fromEntries(added.map((n) => [`:${n}`, counts[n]])),
                },
                { '#type': 'type', ...Object.fromEntries(added.map((n) => [`#${n}`, n])) },
              ),
            ]
          : []),
      ]);
    },

    forAgency: (q) => pointers(agencyChecksPartition(q.agency), q),
    forEntity: (q) => pointers(entityChecksPartition(q.uscc), q),
    escalated: (q) => pointers(ESCALATED_CHECKS, q),

    async counts() {
      const byAgency = new Map<string, CheckCounts>();
      let start: Record<string, unknown> | undefined;
      do {
        const out = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': CHECK_COUNTERS_PARTITION },
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        for (const item of out.Items ?? []) {
          const agency = item.agency as string;
          const row = byAgency.get(agency) ?? {
            agency,
            made: 0,
            withFeedback: 0,
            feedbackOnTime: 0,
            escalated: 0,
            measuresApplied: 0,
          };
          byAgency.set(agency, {
            ...row,
            ...Object.fromEntries(COUNTERS.map((n) => [n, row[n] + Number(item[n] ?? 0)])),
          });
        }
        start = out.LastEvaluatedKey;
      } while (start);
      return [...byAgency.values()].sort((a, b) => a.agency.localeCompare(b.agency));
    },
  };
}
