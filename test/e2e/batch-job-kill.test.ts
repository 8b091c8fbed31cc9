import { MAX_BATCH_ROWS } from '../../shared/domain/records/batch.ts';
import type { Store } from '../../shared/store/client.ts';
import { dynamodbEndpoint } from '../support/dynamodb.ts';
import { describe, it as e2e, expect, type World } from '../support/e2e.ts';
import { startFaultProxy } from '../support/fault-proxy.ts';
import { expectAuditIntact } from '../support/faulty-service.ts';
import { call } from '../support/http.ts';
import { startTestService } from '../support/local-service.ts';
import { killWhen, settledCount, sweepProcess, worklistCount } from '../support/sweep-process.ts';
import { penaltyAgainst } from '../support/workflow-mothers.ts';

/*
 * A batch job whose worker process is killed half-way: the next worker takes it over where
 * the store says it is, and every row ends registered once, none lost, none twice.
 */

/** The largest upload there is: the acceptance's 1,000 rows. */
const ROWS = MAX_BATCH_ROWS;

const it = e2e
  // No in-process worker here: the workers are separate processes, as Lambdas are.
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
  .override('service', { scope: 'file' }, async ({}, { onCleanup }) => {
    const service = await startTestService({ batchJobs: false });
    onCleanup(() => service.stop());
    return service;
  })
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern
  .extend('proxy', { scope: 'file' }, async ({}, { onCleanup }) => {
    const proxy = await startFaultProxy(dynamodbEndpoint());
    onCleanup(() => proxy.stop());
    return proxy;
  });

const worker = (store: Store, endpoint: string, now: string) =>
  sweepProcess(store, endpoint, 'batch-jobs', now);

const registeredCount = ({ store, agency }: Pick<World, 'store' | 'agency'>) =>
  worklistCount(store, agency.uscc, 'registered');

describe('a batch job whose worker was killed half-way', () => {
  it('is finished by the next worker: every row registered once, none lost, every row answered', async ({
    service,
    store,
    agency,
    entity,
    admin,
    proxy,
  }) => {
    const rows = Array.from({ length: ROWS }, () => penaltyAgainst(entity.uscc));
    const accepted = await call(service.url, 'POST', '/v1/records/batch', {
      token: agency.token,
      body: rows,
    });
    expect(accepted.status).toBe(202);
    const job = () => call(service.url, 'GET', `/v1/jobs/${accepted.json.id}`, { token: agency.token });
    expect((await job()).json.processed).toBe(0);
    // Slowed down, so that the kill lands in the middle of the job.
    proxy.inject({
      operation: 'TransactWriteItems',
      kind: 'slow',
      delayMs: 100,
      times: Number.POSITIVE_INFINITY,
    });

    const first = worker(store, proxy.url, new Date().toISOString());
    await killWhen(first, () => registeredCount({ store, agency }), 60);
    expect(await first.exited).toBe('SIGKILL');
    proxy.clear();
    const atKill = await settledCount(() => registeredCount({ store, agency }));
    const halfway = (await job()).json;

    // The next worker runs once the dead one's lease is over.
    const later = new Date(Date.now() + 120_000).toISOString();
    const second = worker(store, dynamodbEndpoint(), later);
    const code = await second.exited;
    const report = JSON.parse(second.stdout().trim().split('\n').pop() ?? '{}');
    const done = (await job()).json;

    process.stdout.write(
      `batch-job-kill: SIGKILL after ${atKill} of ${ROWS} rows registered (${halfway.processed} answered); the next worker finished it\n`,
    );
    expect(atKill, 'killed after some rows, not all').toBeGreaterThan(0);
    expect(halfway).toMatchObject({ status: 'running' });
    expect(halfway.processed).toBeLessThan(ROWS);
    expect(code, second.stderr()).toBe(0);
    expect(report).toMatchObject({ deadLettered: 0, actions: { 'batch-done': 1 } });
    expect(done).toMatchObject({ status: 'done', processed: ROWS, summary: { rows: ROWS, error: 0 } });
    expect(done.summary.created + done.summary.existing).toBe(ROWS);
    const ids = done.results.map((r: { id: string }) => r.id);
    expect(done.results.map((r: { row: number }) => r.row)).toEqual(rows.map((_, i) => i + 1));
    expect(new Set(ids).size).toBe(ROWS);
    expect(await registeredCount({ store, agency })).toBe(ROWS);
    await expectAuditIntact(service, admin, 'after the killed worker and the next');
  }, 420_000);
});
