import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localKeys } from '../../local/jwt-keys.ts';
import { startLocalService } from '../../local/service.ts';
import { tokenClaims } from '../../local/token-claims.ts';
import { createDocumentClient, type Store } from '../../shared/store/client.ts';
import { dynamodbEndpoint, uniqueTableName } from './dynamodb.ts';
import { FAULT_KINDS, type FaultKind, type FaultProxy, startFaultProxy } from './fault-proxy.ts';
import { expectProblem, type HttpAnswer } from './http.ts';
import type { TestService } from './local-service.ts';

export interface FaultyService extends TestService {
  /** The proxy every DynamoDB call of the handlers goes through. */
  readonly proxy: FaultProxy;
  /** The table, straight (not through the proxy), to inspect what was written. */
  readonly direct: Store;
}

/**
 * How long the handlers' SDK waits for DynamoDB here: short, so that a held answer costs a
 * test little, yet far above what DynamoDB Local takes on a loaded machine.
 */
export const TEST_REQUEST_TIMEOUT_MS = 1000;

/**
 * The local service in process, like startTestService, but with its DynamoDB calls going
 * through a fault-injecting proxy in front of the shared DynamoDB Local. One per test file:
 * the handler modules read TABLE_NAME, the endpoint and the timeouts once, at import.
 */
export async function startFaultyService(): Promise<FaultyService> {
  const proxy = await startFaultProxy(dynamodbEndpoint());
  const dataDir = mkdtempSync(join(tmpdir(), 'disclosure-faults-'));
  const previous = {
    request: process.env.DYNAMODB_REQUEST_TIMEOUT_MS,
    connect: process.env.DYNAMODB_CONNECT_TIMEOUT_MS,
  };
  process.env.DYNAMODB_REQUEST_TIMEOUT_MS = String(TEST_REQUEST_TIMEOUT_MS);
  process.env.DYNAMODB_CONNECT_TIMEOUT_MS = String(TEST_REQUEST_TIMEOUT_MS);
  const tableName = uniqueTableName('faults');
  const service = await startLocalService({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    dynamodbEndpoint: proxy.url,
    tableName,
    schedules: false,
    autoPublish: true,
    batchJobs: true,
  });
  const keys = await localKeys(dataDir);
  const direct = { client: createDocumentClient({ endpoint: dynamodbEndpoint() }), tableName };
  return {
    ...service,
    proxy,
    direct,
    dataDir,
    tableName,
    stop: async () => {
      await service.stop();
      await proxy.stop();
      direct.client.destroy();
      restoreEnv('DYNAMODB_REQUEST_TIMEOUT_MS', previous.request);
      restoreEnv('DYNAMODB_CONNECT_TIMEOUT_MS', previous.connect);
    },
    token: async (args) => {
      const { claims, ttlSeconds } = tokenClaims(args.split(/\s+/).filter(Boolean));
      return keys.sign(claims, ttlSeconds);
    },
  };
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

// ---- What a write did to the table ---------------------------------------------------------

type Item = Record<string, unknown>;

/** Every item of the table by key. A Scan: this inspects a test's own small table. */
export async function snapshot({ client, tableName }: Store): Promise<Map<string, Item>> {
  const items = new Map<string, Item>();
  let start: Item | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) items.set(`${item.pk}\u0000${item.sk}`, item);
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** A key with its ids, codes, dates and names masked: `REC#*`, `PUB#AGENCY#*`, `DEADLINE#disclosure-due`. */
const shapeOfKey = (key: unknown) =>
  String(key)
    .split('#')
    .map((part) => (/^[A-Z]+$|^[a-z]+(-[a-z]+)*$/.test(part) ? part : '*'))
    .join('#');

function describeItem(item: Item): string {
  const state = item.state as { status?: string } | undefined;
  const event = item.event as { type?: string } | undefined;
  const detail =
    item.action ?? event?.type ?? item.kind ?? state?.status ?? (item.type === 'record' ? item.status : '');
  return `${String(item.type)} ${shapeOfKey(item.pk)} / ${shapeOfKey(item.sk)} ${String(detail)}`.trim();
}

/**
 * What changed between two snapshots, as sorted lines that do not depend on ids or times
 * ("added audit REC#* / AUDIT#* record.published"), idempotency keys left out: two runs of
 * the same write on like fixtures give the same lines.
 */
export function changes(before: Map<string, Item>, after: Map<string, Item>): string[] {
  const lines: string[] = [];
  const relevant = (item: Item) => item.type !== 'idempotency';
  for (const [key, item] of after) {
    if (!relevant(item)) continue;
    const old = before.get(key);
    if (!old) lines.push(`added ${describeItem(item)}`);
    else if (JSON.stringify(old) !== JSON.stringify(item)) lines.push(`changed ${describeItem(item)}`);
  }
  for (const [key, item] of before)
    if (relevant(item) && !after.has(key)) lines.push(`removed ${describeItem(item)}`);
  return lines.sort();
}

/** Every chain the admin's verifier checks, asserted intact. */
export async function expectAuditIntact(
  service: { url: string },
  admin: string,
  label: string,
): Promise<void> {
  let cursor: string | undefined;
  do {
    const query = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await fetch(`${service.url}/v1/admin/audit/verify?${query}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    const body = (await page.json()) as { problems: unknown[]; cursor?: string };
    expect(page.status, `${label}: audit verify`).toBe(200);
    expect(body.problems, `${label}: audit verify`).toEqual([]);
    cursor = body.cursor;
  } while (cursor);
}

// ---- The fault matrix ----------------------------------------------------------------------

/** One write, ready to send; every send is the same request with the same Idempotency-Key. */
export interface PreparedWrite {
  send(): Promise<HttpAnswer>;
}

export interface FaultScenario {
  /** The route, as the test names it. */
  readonly route: string;
  /** The statuses of a write that happened (201, or 200). */
  readonly success: readonly number[];
  /** Builds, faults off, a fresh fixture for the write, and the write itself. */
  arrange(service: FaultyService): Promise<PreparedWrite>;
  /**
   * What a resend of a write that already succeeded may answer besides a replay (2xx): e.g.
   * 412 for a PUT sent with If-Match. By default nothing else.
   */
  readonly resendAfterSuccess?: readonly number[];
}

/** One DynamoDB call of a clean run: the operation and which call of that operation it is. */
interface Step {
  readonly index: number;
  readonly operation: string;
  readonly nth: number;
}

type Mode = 'persistent' | 'once';

interface Case {
  readonly step: Step;
  readonly kind: FaultKind;
  /** `persistent`: every try of the SDK fails; `once`: only the first, the SDK's retry gets through. */
  readonly mode: Mode;
}

/** FAULTS=full runs every kind at every step, both persistent and once; else a representative set. */
export const FULL_MATRIX = process.env.FAULTS === 'full';

function casesFor(route: string, steps: readonly Step[]): Case[] {
  if (FULL_MATRIX) {
    return steps.flatMap((step) => [
      ...FAULT_KINDS.map((kind) => ({ step, kind, mode: 'persistent' as const })),
      // A garbled answer is not retried by the SDK: `once` would repeat `persistent`.
      ...FAULT_KINDS.filter((k) => k !== 'garbled').map((kind) => ({ step, kind, mode: 'once' as const })),
    ]);
  }
  // Each step gets one kind, the kinds taking turns (from a point that differs by route), and
  // the writes that matter most — the transaction and the idempotency claim — also lose
  // their answer once after DynamoDB carried them out.
  const salt = [...route].reduce((sum, c) => sum + c.charCodeAt(0), 0);
  return [
    ...steps.map((step) => ({
      step,
      kind: FAULT_KINDS[(step.index + salt) % FAULT_KINDS.length] as FaultKind,
      mode: 'persistent' as const,
    })),
    ...steps
      .filter((s) => s.operation === 'TransactWriteItems' || (s.operation === 'PutItem' && s.nth === 1))
      .map((step) => ({ step, kind: 'lost' as const, mode: 'once' as const })),
  ];
}

function stepsOf(operations: readonly string[]): Step[] {
  const seen = new Map<string, number>();
  return operations.map((operation, index) => {
    const nth = (seen.get(operation) ?? 0) + 1;
    seen.set(operation, nth);
    return { index, operation, nth };
  });
}

/** A clean run: the DynamoDB calls the write makes, in order, and what it changes. */
async function cleanRun(service: FaultyService, scenario: FaultScenario) {
  const write = await scenario.arrange(service);
  const before = await snapshot(service.direct);
  service.proxy.takeLog();
  const answer = await write.send();
  const operations = service.proxy.takeLog().map((call) => call.operation);
  expect(answer.status, `${scenario.route} without faults: ${answer.text}`).toBeOneOf([...scenario.success]);
  return { operations, changes: changes(before, await snapshot(service.direct)) };
}

/**
 * The matrix for one write route: a clean run records the DynamoDB calls it makes; then each
 * call in turn fails (an error, throttling, a timeout, or carried out with its answer lost or
 * garbled). Every case must end in a 503 with Retry-After and nothing written, or in the
 * write's success with exactly what a clean run writes; a resend with the same
 * Idempotency-Key then leaves exactly one effect, and every audit chain verifies.
 */
export function describeFaults(scenario: FaultScenario): void {
  describe(`${scenario.route} under DynamoDB faults`, () => {
    let service: FaultyService;
    let admin: string;
    let clean: { operations: string[]; changes: string[] };
    let ran = 0;

    beforeAll(async () => {
      service = await startFaultyService();
      admin = await service.token('--role admin');
      // Until two runs agree, to be sure the calls depend neither on the fixture nor on a slow
      // moment (a cold DynamoDB Local can exceed the timeout, and the SDK then tries again).
      let previous = await cleanRun(service, scenario);
      for (let run = 0; run < 5; run++) {
        const next = await cleanRun(service, scenario);
        if (JSON.stringify(next) === JSON.stringify(previous)) break;
        previous = next;
      }
      expect(await cleanRun(service, scenario)).toEqual(previous);
      clean = previous;
    });

    afterAll(async () => {
      const { injected } = service.proxy;
      const total = Object.values(injected).reduce((sum, n) => sum + n, 0);
      const line = `faults: ${scenario.route}: ${ran} cases, ${total} faults injected ${JSON.stringify(injected)}`;
      process.stdout.write(`${line}\n`);
      if (process.env.FAULTS_REPORT) {
        appendFileSync(
          process.env.FAULTS_REPORT,
          `${JSON.stringify({ route: scenario.route, cases: ran, injected, total })}\n`,
        );
      }
      await service.stop();
    });

    it('makes its DynamoDB calls in a fixed order, one transaction among them', () => {
      expect(clean.operations).toContain('TransactWriteItems');
      expect(clean.changes.length).toBeGreaterThan(0);
    });

    it(`fails each step in turn (${FULL_MATRIX ? 'every kind, persistent and once' : 'a representative kind per step'}): 503 or done, never half`, async () => {
      // Every case runs, so that one failure does not hide the others; all are listed at the end.
      const failures: string[] = [];
      for (const c of casesFor(scenario.route, stepsOf(clean.operations))) {
        await runCase(service, admin, scenario, clean.changes, c).catch((error: Error) => {
          failures.push(error.message.split('\n')[0] ?? String(error));
        });
        ran++;
      }
      expect(failures).toEqual([]);
    }, 600_000);
  });
}

async function runCase(
  service: FaultyService,
  admin: string,
  scenario: FaultScenario,
  cleanChanges: string[],
  { step, kind, mode }: Case,
): Promise<void> {
  const label = `${scenario.route}: ${kind} (${mode}) at step ${step.index + 1}, ${step.operation} #${step.nth}`;
  const write = await scenario.arrange(service);
  const before = await snapshot(service.direct);

  const rule = service.proxy.inject({
    operation: step.operation,
    nth: step.nth,
    kind,
    times: mode === 'once' ? 1 : Number.POSITIVE_INFINITY,
    // DynamoDB throttles with either exception; the steps take turns.
    ...(step.index % 2 === 1 ? { throttle: 'ThrottlingException' as const } : {}),
  });
  const first = await write.send().finally(() => service.proxy.clear());
  // A change is numbered in the public feed before its answer; when a fault stops only that
  // numbering, the committed change is still a success and its entry waits, pending, for the
  // public-feed sweep (shared/store/feed-items.ts). Run it, as the schedule does each minute:
  // then a success has written exactly what a clean run writes.
  await service.sweeps('public-feed');
  const afterFirst = changes(before, await snapshot(service.direct));

  expect(rule.fired(), `${label}: the fault was injected`).toBeGreaterThan(0);
  if (first.status === 503) {
    expectProblem(first, 503, 'service_unavailable');
    expect(first.headers.get('retry-after'), `${label}: Retry-After`).toMatch(/^\d+$/);
    expect(afterFirst, `${label}: a 503 wrote nothing`).toEqual([]);
  } else {
    expect(first.status, `${label}: ${first.text}`).toBeOneOf([...scenario.success]);
    expect(afterFirst, `${label}: a success wrote all a clean run writes`).toEqual(cleanChanges);
  }

  const again = await write.send();
  const resend = `${label}: the resend (${again.status} ${again.text.slice(0, 200)})`;
  if (first.status === 503) {
    expect(again.status, resend).toBeOneOf([...scenario.success]);
  } else if (again.status >= 300) {
    // The answer was not kept for replay (the step that keeps it failed): the key is held
    // until its lease runs out. Otherwise only what the scenario allows.
    if (again.status === 409 && step.operation === 'UpdateItem')
      expectProblem(again, 409, 'idempotency_in_progress');
    else expect(again.status, resend).toBeOneOf([...(scenario.resendAfterSuccess ?? [])]);
  } else {
    expect(again.headers.get('idempotent-replayed'), resend).toBe('true');
  }
  expect(changes(before, await snapshot(service.direct)), `${label}: one effect in all`).toEqual(
    cleanChanges,
  );
  await expectAuditIntact(service, admin, label);
}

/** A fresh Idempotency-Key. */
export const idempotencyKey = () => `fault-${randomUUID()}`;
