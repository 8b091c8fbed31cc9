/**
 * The bench's own local stack: a temporary DATA_DIR, an in-memory DynamoDB Local with the
 * service table, and (started later, once seeded) the local server as a separate process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { freePort, startDynamoDbLocal } from '../local/dynamodb-local.ts';
import { ensureTable } from '../local/ensure-table.ts';
import type { Store } from '../shared/store/client.ts';
import { type NodeChild, startNodeChild } from './processes.ts';

export const TABLE_NAME = 'disclosure-bench';

/**
 * The service's SDK timeouts (shared/store/client.ts) are tuned for DynamoDB; a shared, busy
 * bench machine can take longer than that now and then, which would fail a run for nothing.
 * Latency and throughput are what is measured here, not timeouts.
 */
const PATIENT_SDK = { DYNAMODB_REQUEST_TIMEOUT_MS: '60000', DYNAMODB_CONNECT_TIMEOUT_MS: '10000' };

/** The document client of the service (same marshalling), with patient timeouts. */
function benchClient(endpoint: string): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    endpoint,
    maxAttempts: 3,
    requestHandler: { requestTimeout: 60_000, connectionTimeout: 10_000 },
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

const LOCAL_AWS = {
  AWS_REGION: 'local',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

export interface BenchStack {
  readonly dataDir: string;
  readonly endpoint: string;
  /** Environment for any process that should use the bench table (handlers, servers). */
  readonly env: NodeJS.ProcessEnv;
  /** A fresh document client on the bench table; each caller gets its own. */
  store(): Store;
  /** Another table of the same layout (created on first use), for work kept apart from the data. */
  table(name: string): Promise<Store>;
  /** Stops whatever was started, in reverse order; safe to call more than once. */
  stop(): Promise<void>;
  /** Registers something to stop with the stack. */
  onStop(stop: () => Promise<void>): void;
}

export async function startStack(): Promise<BenchStack> {
  Object.assign(process.env, LOCAL_AWS, { METRICS: 'off' });
  const dataDir = mkdtempSync(join(tmpdir(), 'disclosure-bench-'));
  const stops: (() => Promise<void>)[] = [async () => rmSync(dataDir, { recursive: true, force: true })];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch((e: unknown) => console.error(`stop: ${e}`));
  };
  try {
    const dynamo = await startDynamoDbLocal();
    stops.push(() => dynamo.stop());
    const admin = new DynamoDBClient({ endpoint: dynamo.endpoint });
    await ensureTable(admin, TABLE_NAME).finally(() => admin.destroy());
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...LOCAL_AWS,
      ...PATIENT_SDK,
      TABLE_NAME,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      DATA_DIR: dataDir,
      SCHEDULES: 'off',
      METRICS: 'off',
    };
    return {
      dataDir,
      endpoint: dynamo.endpoint,
      env,
      store: () => ({ client: benchClient(dynamo.endpoint), tableName: TABLE_NAME }),
      table: async (name) => {
        const client = new DynamoDBClient({ endpoint: dynamo.endpoint });
        await ensureTable(client, name).finally(() => client.destroy());
        return { client: benchClient(dynamo.endpoint), tableName: name };
      },
      stop,
      onStop: (s) => stops.push(s),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** `npm start` in a child process on a free port, on the bench's table and DATA_DIR. */
export async function startLocalServer(
  stack: BenchStack,
  nodeArgs: readonly string[] = [],
): Promise<NodeChild & { url: string }> {
  const port = await freePort();
  const server = await startNodeChild({
    script: 'local/main.ts',
    nodeArgs,
    env: { ...stack.env, PORT: String(port), HOST: '127.0.0.1' },
    logFile: join(stack.dataDir, 'server.log'),
    ready: /Disclosure service running at (\S+)/,
  });
  stack.onStop(() => server.stop());
  return { ...server, url: `http://127.0.0.1:${port}` };
}

/** The minimal server (bench/minimal-server.ts): only the GetItem, as a baseline. */
export async function startMinimalServer(
  stack: BenchStack,
  nodeArgs: readonly string[] = [],
): Promise<NodeChild & { url: string }> {
  const port = await freePort();
  const server = await startNodeChild({
    script: 'bench/minimal-server.ts',
    nodeArgs,
    env: { ...stack.env, PORT: String(port) },
    logFile: join(stack.dataDir, 'minimal-server.log'),
    ready: /minimal server listening/,
  });
  stack.onStop(() => server.stop());
  return { ...server, url: `http://127.0.0.1:${port}` };
}
