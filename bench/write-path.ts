/**
 * `write_vs_raw_transaction_ratio`: `POST /v1/records` with `publish: true` through the local
 * server against the raw TransactWriteItems of the same items (the record, its audit entry,
 * document claim, public index and deadline entries, with their conditions, and its
 * statistics counters: what shared/store/changes.ts and stats-items.ts write), sent from
 * this process. One at a time, interleaved in a
 * rotating order, after a warm-up; each sample a new record of the same company, so both
 * ways write as many items.
 */
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type Actor, auditEntryFor } from '../shared/domain/audit.ts';
import { effectiveYear } from '../shared/domain/calendar/seed.ts';
import { WorkingCalendar } from '../shared/domain/calendar/working-days.ts';
import { shanghaiDate, yearOf } from '../shared/domain/dates.ts';
import { newId } from '../shared/domain/ids.ts';
import { publish, register } from '../shared/domain/records/transitions.ts';
import type { RecordInput } from '../shared/schemas/records/record-input.ts';
import { calendarRepository } from '../shared/store/calendar-repository.ts';
import { recordOps } from '../shared/store/changes.ts';
import type { Store } from '../shared/store/client.ts';
import { documentKey } from '../shared/store/record-items.ts';
import { counterOps } from '../shared/store/stats-items.ts';
import { httpRequest, median } from './latency.ts';
import { round } from './read-cost.ts';

/** The writes of registering `input` and publishing it at once, as the service would send them. */
function registerAndPublishWrites(tableName: string, agency: string, input: RecordInput, at: Date) {
  const year = yearOf(shanghaiDate(at));
  const calendar = new WorkingCalendar([year - 1, year, year + 1].map((y) => effectiveYear(y, undefined)));
  const registered = register(
    { id: newId('rec'), authority: { uscc: agency }, content: input },
    calendar,
    at,
  );
  const record = publish(registered, at, 'agency', calendar);
  const actor: Actor = { role: 'agency', id: agency };
  const audit = auditEntryFor(undefined, record, { actor, action: 'record.registered_and_published', at });
  const saved = { ...record, head: audit };
  // As the record repository's `create` composes them: the record's writes, then its counters.
  return [...recordOps(tableName, undefined, saved, audit), ...counterOps(tableName, undefined, saved)].map(
    (op) => op.write,
  );
}

export async function measureWritePath(
  apiUrl: string,
  token: string,
  store: Store,
  agency: string,
  makeInput: () => RecordInput,
  { warmup = 20, samples = 100 } = {},
) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const viaApi = async (input: RecordInput) => {
    const body = JSON.stringify({ ...input, publish: true });
    const started = performance.now();
    const out = await httpRequest(agent, `${apiUrl}/v1/records`, { method: 'POST', headers, body });
    const ms = performance.now() - started;
    if (out.status !== 201) throw new Error(`POST /v1/records: ${out.status} ${out.body.slice(0, 500)}`);
    return ms;
  };
  const raw = async (input: RecordInput) => {
    // Built before the clock starts: only the transaction is timed.
    const writes = registerAndPublishWrites(store.tableName, agency, input, new Date());
    const started = performance.now();
    await store.client.send(new TransactWriteCommand({ TransactItems: writes }));
    return performance.now() - started;
  };
  // The DynamoDB calls the service makes, in its order, with nothing else: the document claim
  // (a consistent GetItem), the calendar year before registering and again before publishing
  // (use-cases.ts), then the transaction. Tells the round trips from the service's own work.
  const calendar = calendarRepository(store);
  const sequence = async (input: RecordInput) => {
    const writes = registerAndPublishWrites(store.tableName, agency, input, new Date());
    const year = yearOf(shanghaiDate(new Date()));
    const started = performance.now();
    await store.client.send(
      new GetCommand({
        TableName: store.tableName,
        Key: documentKey(agency, input.kind, input.documentNumber),
        ConsistentRead: true,
      }),
    );
    await calendar.getYears([year]);
    await calendar.getYears([year]);
    await store.client.send(new TransactWriteCommand({ TransactItems: writes }));
    return performance.now() - started;
  };
  const api: number[] = [];
  const transaction: number[] = [];
  const calls: number[] = [];
  try {
    for (let i = 0; i < warmup + samples; i++) {
      const input = makeInput();
      // The same company and content; the raw copy under a document number of its own.
      const copy = { ...input, documentNumber: `${input.documentNumber}R` };
      const apiFirst = i % 2 === 0;
      const a = apiFirst ? await viaApi(input) : 0;
      const r = await raw(copy);
      const c = await sequence({ ...input, documentNumber: `${input.documentNumber}S` });
      const b = apiFirst ? a : await viaApi(input);
      if (i >= warmup) {
        api.push(b);
        transaction.push(r);
        calls.push(c);
      }
    }
    const apiMs = median(api);
    const rawMs = median(transaction);
    const callsMs = median(calls);
    return {
      figures: {
        write_vs_raw_transaction_ratio: round(apiMs / rawMs, 3),
        api_write_median_ms: round(apiMs, 3),
        raw_transaction_median_ms: round(rawMs, 3),
      },
      detail: {
        samples,
        warmup,
        service_calls_median_ms: round(callsMs, 3),
        api_vs_service_calls_ratio: round(apiMs / callsMs, 3),
      },
    };
  } finally {
    agent.destroy();
  }
}
