import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import * as z from 'zod';

const storeEnv = z.object({
  TABLE_NAME: z.string().min(1, 'TABLE_NAME must name the service table'),
  /** Set locally (DynamoDB Local); unset on AWS, where the SDK finds the regional endpoint. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** How long to wait for a connection to DynamoDB, in ms. */
  DYNAMODB_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  /** How long to wait for the answer to one request, in ms, before the SDK tries again. */
  DYNAMODB_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  /** Tries per request, the first included. */
  DYNAMODB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).optional(),
});

/** How the SDK talks to DynamoDB: how long it waits, and how often it tries. */
export interface Transport {
  readonly connectTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly maxAttempts: number;
}

/**
 * Without timeouts a DynamoDB that never answers would hold a request until Lambda kills it.
 * DynamoDB answers in milliseconds; three tries of 3 s each (with the SDK's backoff) end
 * within the API functions' 10 s, so a hung connection becomes a retried request and, at
 * worst, a 503 — never a silent hang.
 */
export const DEFAULT_TRANSPORT: Transport = {
  connectTimeoutMs: 1000,
  requestTimeoutMs: 3000,
  maxAttempts: 3,
};

/**
 * DynamoDB Local (an endpoint is set) shares one machine's CPU with the service, its clients
 * and the tests; loaded, it answers in seconds, not milliseconds, and must not be given up on
 * as if it had hung.
 */
export const LOCAL_TRANSPORT: Transport = {
  connectTimeoutMs: 2000,
  requestTimeoutMs: 10_000,
  maxAttempts: 3,
};

const defaultsFor = (endpoint: string | undefined): Transport =>
  endpoint ? LOCAL_TRANSPORT : DEFAULT_TRANSPORT;

export interface StoreConfig {
  readonly tableName: string;
  readonly endpoint?: string | undefined;
  readonly transport?: Transport | undefined;
}

/** Reads the store settings once; a missing TABLE_NAME fails at cold start, not mid-request. */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const parsed = storeEnv.safeParse(env);
  if (!parsed.success) throw new Error(`store configuration: ${z.prettifyError(parsed.error)}`);
  const c = parsed.data;
  const defaults = defaultsFor(c.DYNAMODB_ENDPOINT);
  return {
    tableName: c.TABLE_NAME,
    endpoint: c.DYNAMODB_ENDPOINT,
    transport: {
      connectTimeoutMs: c.DYNAMODB_CONNECT_TIMEOUT_MS ?? defaults.connectTimeoutMs,
      requestTimeoutMs: c.DYNAMODB_REQUEST_TIMEOUT_MS ?? defaults.requestTimeoutMs,
      maxAttempts: c.DYNAMODB_MAX_ATTEMPTS ?? defaults.maxAttempts,
    },
  };
}

export function createDocumentClient(
  config: Pick<StoreConfig, 'endpoint' | 'transport'>,
): DynamoDBDocumentClient {
  const transport = config.transport ?? defaultsFor(config.endpoint);
  const client = new DynamoDBClient({
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    maxAttempts: transport.maxAttempts,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: transport.connectTimeoutMs,
      // Without throwOnRequestTimeout the handler only logs a warning when the time is up.
      requestTimeout: transport.requestTimeoutMs,
      throwOnRequestTimeout: true,
      // An answer whose body stalls halfway is given up on too.
      socketTimeout: transport.requestTimeoutMs,
    }),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** What every repository needs: the client and the table. */
export interface Store {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /**
   * `deferred`: public changes are left pending in the change feed for the caller to number
   * at the end of its run (the sweeps, which answer no one); otherwise each change is numbered
   * before its write returns (feed-items.ts).
   */
  readonly feedNumbering?: 'inline' | 'deferred';
}

/** The store of the service table, its settings read from the environment (once, at cold start). */
export function storeFromEnv(env: NodeJS.ProcessEnv = process.env): Store {
  const config = storeConfigFromEnv(env);
  return { client: createDocumentClient(config), tableName: config.tableName };
}
