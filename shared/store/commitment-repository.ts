import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../domain/audit.ts';
import type { Commitment } from '../domain/commitments/commitment.ts';
import type { CommitmentStore } from '../domain/commitments/ports.ts';
import { ConflictError } from '../domain/errors.ts';
import type { Page } from '../domain/records/ports.ts';
import { auditOp, commit, eventOps, indexChanges, type Op, ops } from './changes.ts';
import type { Store } from './client.ts';
import {
  agencyCommitmentsPartition,
  commitmentEntries,
  commitmentFromItem,
  commitmentKey,
  commitmentToItem,
  entityCommitmentsPartition,
} from './commitment-items.ts';
import { pointedPage } from './pointer-page.ts';

const commitmentChanged = () =>
  new ConflictError({
    code: 'commitment_changed',
    messages: {
      zh: '该承诺已被修改，请刷新后重试',
      en: 'the commitment was changed meanwhile; reload and retry',
    },
  });

/**
 * The writes of a commitment's change: the item (guarded by its revision), its audit entry and
 * its pointers. Also used by a repair application, whose 信用修复型 commitment is written in
 * the application's own transaction.
 */
export function commitmentOps(
  tableName: string,
  before: Commitment | undefined,
  after: Commitment,
  audit: AuditEntry,
): Op[] {
  const condition = before
    ? { expression: 'revision = :revision', values: { ':revision': before.revision } }
    : { expression: 'attribute_not_exists(pk)' };
  return [
    ops(tableName).put(commitmentToItem(after), condition, commitmentChanged),
    auditOp(tableName, commitmentKey(after.id).pk, audit),
    ...indexChanges(tableName, before ? commitmentEntries(before) : [], commitmentEntries(after)),
  ];
}

export function commitmentRepository(store: Store): CommitmentStore {
  const { client, tableName } = store;

  const pointers = (
    pk: string,
    q: { limit: number; cursor?: string | undefined },
  ): Promise<Page<Commitment>> =>
    pointedPage(store, pk, q, {
      key: commitmentKey,
      idOf: (item) => (item.state as { id: string }).id,
      fromItem: commitmentFromItem,
    });

  return {
    async get(id) {
      const out = await client.send(new GetCommand({ TableName: tableName, Key: commitmentKey(id) }));
      return out.Item ? commitmentFromItem(out.Item) : undefined;
    },

    async commit({ commitment: { before, after, audit }, events }) {
      await commit(store, [
        ...commitmentOps(tableName, before, after, audit),
        ...eventOps(tableName, events),
      ]);
    },

    forEntity: (q) => pointers(entityCommitmentsPartition(q.uscc), q),
    forAgency: (q) => pointers(agencyCommitmentsPartition(q.agency, q.status), q),
  };
}
