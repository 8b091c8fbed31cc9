import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SweepName } from '../../shared/domain/deadlines/kinds.ts';
import type { Store } from '../../shared/store/client.ts';
import { run, type Spawned } from './processes.ts';

/*
 * What the tests that kill a sweep mid-way share: the sweep as a process of its own (as a
 * Lambda is), and a count straight from the table that does not wait for the API.
 */

/** `npm run sweep -- <sweep> --now <now> --json` on the test table, through `endpoint`. */
export function sweepProcess(store: Store, endpoint: string, sweep: SweepName, now: string): Spawned {
  return run('npm', ['run', '-s', 'sweep', '--', sweep, '--now', now, '--json'], {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'disclosure-sweep-')),
    DYNAMODB_ENDPOINT: endpoint,
    TABLE_NAME: store.tableName,
  });
}

/** How many of an agency's records have a status, straight from its worklist index. */
export async function worklistCount(store: Store, agency: string, status: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    // A COUNT query still reads at most 1 MB a page: a thousand records take two.
    const out = await store.client.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `AGENCY#${agency}#${status}` },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}

/** Kills `process` with SIGKILL once `count()` reaches `atLeast` (or after 90 s, or once it ended). */
export async function killWhen(
  process: Spawned,
  count: () => Promise<number>,
  atLeast: number,
): Promise<void> {
  const deadline = Date.now() + 90_000;
  while ((await count()) < atLeast && Date.now() < deadline && process.child.exitCode === null) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  process.signal('SIGKILL');
}

/**
 * `count()` once it stops moving: a write the killed process had sent may still land (as over
 * a real network), so what it did is counted only when nothing moves any more.
 */
export async function settledCount(count: () => Promise<number>): Promise<number> {
  let last = await count();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 400));
    const now = await count();
    if (now === last) return now;
    last = now;
  }
}
