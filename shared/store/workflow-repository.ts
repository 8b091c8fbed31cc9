import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Objection } from '../domain/objections/objection.ts';
import type { Page } from '../domain/records/ports.ts';
import type { Repair } from '../domain/repairs/repair.ts';
import { workflowChanged } from '../domain/workflows/errors.ts';
import type { Change, WorkflowStore } from '../domain/workflows/ports.ts';
import type { MetricCounts } from '../observability/metrics.ts';
import { batchGetAll } from './batch-get.ts';
import { auditOp, commit, eventOps, feedOf, indexChanges, type Op, ops, recordOps } from './changes.ts';
import type { Store } from './client.ts';
import { commitmentOps } from './commitment-repository.ts';
import { decodeCursor, encodeCursor, isStartKey, type KeyRule, startKeyRules } from './cursor.ts';
import { counterOps } from './stats-items.ts';
import { verificationOp } from './verification-repository.ts';
import {
  agencyPartition,
  filerPartition,
  type WorkflowKind,
  workflowEntries,
  workflowFromItem,
  workflowKey,
  workflowToItem,
} from './workflow-items.ts';

type Item = Record<string, unknown>;

export function workflowRepository(store: Store): WorkflowStore {
  const { client, tableName } = store;

  function workflowOps(kind: WorkflowKind, change: Change<Objection | Repair>): Op[] {
    const { before, after, audit } = change;
    const condition = before
      ? { expression: 'revision = :revision', values: { ':revision': before.revision } }
      : { expression: 'attribute_not_exists(pk)' };
    const metric = kind === 'objection' ? 'Objections' : 'Repairs';
    const metrics: MetricCounts = {
      [`${metric}Filed` as const]: before ? 0 : 1,
      [`${metric}Decided` as const]: before?.status === 'pending' && after.status !== 'pending' ? 1 : 0,
      [`${metric}Overdue` as const]: after.escalatedAt && !before?.escalatedAt ? 1 : 0,
    };
    return [
      {
        ...ops(tableName).put(workflowToItem(kind, { ...after, head: audit }), condition, () =>
          workflowChanged(kind),
        ),
        metrics,
      },
      auditOp(tableName, workflowKey(kind, after.id).pk, audit),
      ...indexChanges(tableName, before ? workflowEntries(kind, before) : [], workflowEntries(kind, after)),
    ];
  }

  async function get<T extends Objection | Repair>(kind: WorkflowKind, id: string): Promise<T | undefined> {
    const out = await client.send(new GetCommand({ TableName: tableName, Key: workflowKey(kind, id) }));
    return out.Item ? workflowFromItem<T>(out.Item) : undefined;
  }

  async function getMany<T extends Objection | Repair>(kind: WorkflowKind, ids: string[]): Promise<T[]> {
    if (ids.length === 0) return [];
    const items = await batchGetAll(
      client,
      tableName,
      ids.map((id) => workflowKey(kind, id)),
    );
    const found = new Map(
      items.map((item) => [(item.state as { id: string }).id, workflowFromItem<T>(item)]),
    );
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  async function page(
    query: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>,
    shape: unknown,
    startKey: Readonly<Record<string, KeyRule>>,
    cursor?: string,
  ) {
    const start = decodeCursor(cursor, shape, (p) => isStartKey(p, startKey));
    const out = await client.send(
      new QueryCommand({ TableName: tableName, ...query, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    return {
      items: out.Items ?? [],
      cursor: out.LastEvaluatedKey ? encodeCursor(shape, out.LastEvaluatedKey) : undefined,
    };
  }

  async function forAgency<T extends Objection | Repair>(
    kind: WorkflowKind,
    q: { agency: string; status: string; dueBefore?: string; limit: number; cursor?: string | undefined },
  ): Promise<Page<T>> {
    const shape = { kind, agency: q.agency, status: q.status, overdue: q.dueBefore !== undefined };
    const pk = agencyPartition(kind, q.agency, q.status);
    const { dueBefore } = q;
    const result = await page(
      {
        IndexName: 'gsi1',
        KeyConditionExpression: dueBefore ? 'gsi1pk = :pk AND gsi1sk < :due' : 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...(dueBefore ? { ':due': dueBefore } : {}) },
        Limit: q.limit,
      },
      shape,
      startKeyRules('gsi1', pk, (sk) => !dueBefore || sk < dueBefore),
      q.cursor,
    );
    return { items: result.items.map((item) => workflowFromItem<T>(item)), cursor: result.cursor };
  }

  async function byPointer<T extends Objection | Repair>(
    kind: WorkflowKind,
    pk: string,
    q: { limit: number; cursor?: string | undefined },
  ): Promise<Page<T>> {
    const result = await page(
      {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ScanIndexForward: false,
        Limit: q.limit,
      },
      { pk },
      startKeyRules('table', pk),
      q.cursor,
    );
    return {
      items: await getMany<T>(
        kind,
        result.items.map((item) => item.id as string),
      ),
      cursor: result.cursor,
    };
  }

  return {
    getObjection: (id) => get<Objection>('objection', id),
    getRepair: (id) => get<Repair>('repair', id),

    async commit(change) {
      await commit(
        store,
        [
          ...(change.record
            ? recordOps(tableName, change.record.before, change.record.after, change.record.audit)
            : []),
          ...(change.objection ? workflowOps('objection', change.objection) : []),
          ...(change.repair ? workflowOps('repair', change.repair) : []),
          ...eventOps(tableName, change.events),
          ...(change.verifications ?? []).map((v) => verificationOp(tableName, v)),
          ...(change.commitments ?? []).flatMap((c) => commitmentOps(tableName, c.before, c.after, c.audit)),
          // An upheld objection that corrects or revokes the record moves the statistics too.
          ...(change.record ? counterOps(tableName, change.record.before, change.record.after) : []),
        ],
        change.record ? feedOf(change.record.before, change.record.after, change.record.audit) : [],
      );
    },

    objectionsForAgency: (q) => forAgency<Objection>('objection', q),
    repairsForAgency: (q) => forAgency<Repair>('repair', q),
    objectionsForEntity: (q) =>
      byPointer<Objection>('objection', filerPartition('objection', { role: 'entity', uscc: q.entity }), q),
    repairsForEntity: (q) =>
      byPointer<Repair>('repair', filerPartition('repair', { role: 'entity', uscc: q.entity }), q),
    objectionsForPerson: (q) =>
      byPointer<Objection>(
        'objection',
        filerPartition('objection', { role: 'person', idNumber: q.person }),
        q,
      ),
    repairsForPerson: (q) =>
      byPointer<Repair>('repair', filerPartition('repair', { role: 'person', idNumber: q.person }), q),
    escalated: (kind, q) => byPointer(kind, `ESC#${kind}`, q),
  };
}

export type { Item };
