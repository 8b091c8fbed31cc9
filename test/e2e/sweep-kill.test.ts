import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from '../../shared/store/client.ts';
import { dynamodbEndpoint } from '../support/dynamodb.ts';
import { describe, it as e2e, expect, type World } from '../support/e2e.ts';
import { startFaultProxy } from '../support/fault-proxy.ts';
import { expectAuditIntact } from '../support/faulty-service.ts';
import { call } from '../support/http.ts';
import { killWhen, settledCount, sweepProcess, worklistCount } from '../support/sweep-process.ts';
import { penaltyAgainst } from '../support/workflow-mothers.ts';

const RECORDS = 60;

/** A fault proxy in front of the shared DynamoDB Local, for the sweep to be slowed through. */
// biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
const it = e2e.extend('proxy', { scope: 'file' }, async ({}, { onCleanup }) => {
  const proxy = await startFaultProxy(dynamodbEndpoint());
  onCleanup(() => proxy.stop());
  return proxy;
});

const sweep = (store: Store, endpoint: string, now: string) =>
  sweepProcess(store, endpoint, 'disclosure-deadlines', now);

const publishedCount = ({ store, agency }: Pick<World, 'store' | 'agency'>) =>
  worklistCount(store, agency.uscc, 'published');

async function queryAll(store: Store, pk: string, skPrefix?: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await store.client.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: skPrefix ? 'pk = :pk AND begins_with(sk, :sk)' : 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk, ...(skPrefix ? { ':sk': skPrefix } : {}) },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

describe('a disclosure sweep killed mid-batch', () => {
  it('finishes the work exactly once when run again: each record published once, with one overdue event and one audit entry', async ({
    service,
    store,
    agency,
    entity,
    admin,
    proxy,
  }) => {
    const ids: string[] = [];
    for (let i = 0; i < RECORDS; i += 6) {
      const answers = await Promise.all(
        Array.from({ length: Math.min(6, RECORDS - i) }, () =>
          call(service.url, 'POST', '/v1/records', {
            token: agency.token,
            body: penaltyAgainst(entity.uscc, 30),
          }),
        ),
      );
      ids.push(...answers.map((a) => a.json.id as string));
    }
    expect(new Set(ids).size).toBe(RECORDS);
    const now = new Date().toISOString();
    // Slowed down (each transaction ~150 ms late), so that the kill lands between batches.
    proxy.inject({
      operation: 'TransactWriteItems',
      kind: 'slow',
      delayMs: 150,
      times: Number.POSITIVE_INFINITY,
    });

    const first = sweep(store, proxy.url, now);
    await killWhen(first, () => publishedCount({ store, agency }), 5);
    expect(await first.exited).toBe('SIGKILL');
    proxy.clear();
    const publishedAtKill = await settledCount(() => publishedCount({ store, agency }));

    const second = sweep(store, dynamodbEndpoint(), now);
    const code = await second.exited;
    const report = JSON.parse(second.stdout().trim().split('\n').pop() ?? '{}');
    const [overdueEvents, records] = await Promise.all([
      queryAll(store, 'EVENT#overdue'),
      Promise.all(
        ids.map(async (id) => ({
          record: (await call(service.url, 'GET', `/v1/records/${id}`, { token: agency.token })).json,
          audit: await queryAll(store, `REC#${id}`, 'AUDIT#'),
        })),
      ),
    ]);

    process.stdout.write(
      `sweep-kill: SIGKILL after ${publishedAtKill} of ${RECORDS} published; the rerun published ${report.actions?.['auto-published']}\n`,
    );
    expect(publishedAtKill, 'the first run was killed after some, not all, were published').toBeGreaterThan(
      0,
    );
    expect(publishedAtKill).toBeLessThan(RECORDS);
    expect(code, second.stderr()).toBe(0);
    expect(report).toMatchObject({ deadLettered: 0, more: false });
    expect(report.actions['auto-published']).toBe(RECORDS - publishedAtKill);
    expect(await publishedCount({ store, agency })).toBe(RECORDS);
    for (const { record, audit } of records) {
      expect(record).toMatchObject({ status: 'published', publication: { by: 'system', onTime: false } });
      const events = overdueEvents.filter(
        (e) => (e.event as { subject: { id: string } }).subject.id === record.id,
      );
      expect(events, `overdue events of ${record.id}`).toHaveLength(1);
      expect(audit.map((entry) => entry.action)).toEqual([
        'record.registered',
        'record.published_late_automatically',
      ]);
    }
    await expectAuditIntact(service, admin, 'after the killed sweep and its rerun');
  }, 180_000);
});
