import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors.ts';
import { isPublicEntry, type ListEntry } from '../domain/lists/entry.ts';
import type { ListStore, PublicListQuery } from '../domain/lists/ports.ts';
import { publicEntryName } from '../domain/lists/views.ts';
import { lookupBigram, nameKey } from '../domain/records/name-search.ts';
import type { Page } from '../domain/records/ports.ts';
import { batchGetAll } from './batch-get.ts';
import { auditOp, commit, eventOps, indexChanges, ops } from './changes.ts';
import type { Store } from './client.ts';
import {
  agencyListPartition,
  ESCALATED_PARTITION,
  entryEntries,
  entryFromItem,
  entryKey,
  entryToItem,
  partyPartition,
  publicPartition,
} from './list-items.ts';
import { type PointerFilter, pointerPage } from './pointer-page.ts';

const entryChanged = () =>
  new ConflictError({
    code: 'list_entry_changed',
    messages: {
      zh: '该名单条目已被他人修改，请刷新后重试',
      en: 'the list entry was changed meanwhile; reload and retry',
    },
  });

/** The pointer partition a public query reads: its most selective filter. */
function publicPartitionOf(q: PublicListQuery): string {
  if (q.uscc) return publicPartition.uscc(q.uscc);
  if (q.agency) return publicPartition.agency(q.agency);
  const bigram = q.name ? lookupBigram(q.name) : undefined;
  if (bigram) return publicPartition.name(bigram);
  return q.type ? publicPartition.type(q.type) : publicPartition.all();
}

export function listRepository(store: Store): ListStore {
  const { client, tableName } = store;

  async function getMany(ids: readonly string[]): Promise<ListEntry[]> {
    if (ids.length === 0) return [];
    const items = await batchGetAll(client, tableName, ids.map(entryKey));
    const found = new Map(items.map((item) => [(item.state as { id: string }).id, entryFromItem(item)]));
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  /** One page of a pointer partition, newest first, with an optional filter: the entries read. */
  async function pointers(
    pk: string,
    q: { limit: number; cursor?: string | undefined },
    shape: unknown,
    filter?: PointerFilter,
  ): Promise<Page<ListEntry>> {
    const page = await pointerPage(store, pk, q, { shape, ...(filter ? { filter } : {}) });
    return { items: await getMany(page.ids), cursor: page.cursor };
  }

  return {
    async get(id) {
      const out = await client.send(new GetCommand({ TableName: tableName, Key: entryKey(id) }));
      return out.Item ? entryFromItem(out.Item) : undefined;
    },

    async commit({ entry: { before, after, audit }, events }) {
      const condition = before
        ? { expression: 'revision = :revision', values: { ':revision': before.revision } }
        : { expression: 'attribute_not_exists(pk)' };
      await commit(store, [
        ops(tableName).put(entryToItem(after), condition, entryChanged),
        auditOp(tableName, entryKey(after.id).pk, audit),
        ...indexChanges(tableName, before ? entryEntries(before) : [], entryEntries(after)),
        ...eventOps(tableName, events),
      ]);
    },

    async publicList(q) {
      const pk = publicPartitionOf(q);
      const clauses: string[] = [];
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      const add = (attr: string, value: string | undefined, op: 'eq' | 'contains') => {
        if (!value) return;
        names[`#${attr}`] = attr;
        values[`:${attr}`] = value;
        clauses.push(op === 'eq' ? `#${attr} = :${attr}` : `contains(#${attr}, :${attr})`);
      };
      add('listType', q.type, 'eq');
      add('agency', q.agency, 'eq');
      add('uscc', q.uscc, 'eq');
      add('nameKey', q.name ? nameKey(q.name) : undefined, 'contains');
      const { limit: _l, cursor: _c, ...shape } = q;
      const page = await pointers(
        pk,
        q,
        { public: shape },
        { expression: clauses.join(' AND '), names, values },
      );
      // The pointers chose the candidates; each entry is checked again, so a stale one never shows.
      const key = q.name ? nameKey(q.name) : undefined;
      const items = page.items.filter(
        (e) =>
          isPublicEntry(e) &&
          (!q.type || e.type === q.type) &&
          (!q.agency || e.agency === q.agency) &&
          (!q.uscc || e.subject.uscc === q.uscc) &&
          (!key || nameKey(publicEntryName(e.subject)).includes(key)),
      );
      return { items, cursor: page.cursor };
    },

    async forAgency(q) {
      const filter = q.status
        ? { expression: '#status = :status', names: { '#status': 'status' }, values: { ':status': q.status } }
        : undefined;
      const page = await pointers(
        agencyListPartition(q.agency),
        q,
        { agency: q.agency, status: q.status },
        filter,
      );
      return { items: page.items.filter((e) => !q.status || e.status === q.status), cursor: page.cursor };
    },

    forParty: (q) => {
      const pk = partyPartition(q.party);
      return pointers(pk, q, { party: pk });
    },

    escalated: (q) => pointers(ESCALATED_PARTITION, q, { escalated: true }),
  };
}
