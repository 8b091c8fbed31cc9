import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { makeSweeps, type Sweeps } from '../functions/sweeps/sweeps.ts';
import { systemClock } from '../shared/domain/clock.ts';
import { smtpSender } from '../shared/mail/smtp-sender.ts';
import { siteFrom } from '../shared/site/site-config.ts';
import { createDocumentClient } from '../shared/store/client.ts';
import { upstreamFromEnv } from '../shared/upstream/from-env.ts';
import { httpUpstream } from '../shared/upstream/http-upstream.ts';
import type { LocalConfig } from './config.ts';
import { type RunningDynamoDb, startDynamoDbLocal } from './dynamodb-local.ts';
import { ensureTable } from './ensure-table.ts';
import { type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';
import { createApiServer } from './http-server.ts';
import { startJobWorker } from './job-worker.ts';
import { localKeys } from './jwt-keys.ts';
import { type CaughtMail, type MailCatcher, startMailCatcher } from './mail-catcher.ts';
import { newSigningKey, serveMaterialFiles } from './material-files.ts';
import { clearRuntime, writeRuntime } from './runtime-file.ts';
import { startScheduler } from './scheduler.ts';

/** The route whose 202 answer means a batch job was queued for the worker. */
const BATCH_ROUTE = 'POST /v1/records/batch';

export interface LocalService {
  readonly url: string;
  /** The sweeps on this service's table, e.g. to run one now with a given clock. */
  readonly sweeps: Sweeps;
  readonly dynamodbEndpoint: string;
  readonly startedDynamoDb: boolean;
  readonly table: 'created' | 'updated' | 'exists';
  /** Where mail goes, and what the embedded catcher received (empty when MAIL_URL names another server). */
  readonly mail: { readonly url: string; messages(): readonly CaughtMail[] };
  /** Where records are pushed (the fake platform when UPSTREAM=fake), or none. */
  readonly upstreamUrl?: string | undefined;
  stop(): Promise<void>;
}

/**
 * The whole service on one machine: DynamoDB Local (unless DYNAMODB_ENDPOINT names one),
 * the table, the signing key and the local API gateway in front of the Lambda handlers.
 */
export async function startLocalService(config: LocalConfig): Promise<LocalService> {
  const dynamo: RunningDynamoDb | undefined = config.dynamodbEndpoint
    ? undefined
    : await startDynamoDbLocal({ dbPath: join(config.dataDir, 'dynamodb') });
  const endpoint = dynamo?.endpoint ?? (config.dynamodbEndpoint as string);
  let catcher: MailCatcher | undefined;
  let fake: FakeUpstream | undefined;
  try {
    // The handler modules read these once, at import, exactly as on Lambda.
    process.env.TABLE_NAME = config.tableName;
    process.env.DYNAMODB_ENDPOINT = endpoint;
    process.env.AWS_REGION ??= 'local';
    process.env.AWS_ACCESS_KEY_ID ??= 'local';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

    // The materials store the handlers open (shared/files/from-env.ts): files under DATA_DIR,
    // behind links this server signs and serves; FILES_URL follows once the port is known.
    const files = { dir: join(config.dataDir, 'files'), signingKey: newSigningKey() };
    process.env.FILES_DIR = files.dir;
    process.env.FILES_SIGNING_KEY = files.signingKey.toString('base64');

    const admin = new DynamoDBClient({ endpoint });
    const table = await ensureTable(admin, config.tableName).finally(() => admin.destroy());
    const keys = await localKeys(config.dataDir);
    const store = { client: createDocumentClient({ endpoint }), tableName: config.tableName };
    catcher = config.mailUrl ? undefined : await startMailCatcher(config.mailCatcherPort ?? 0);
    const mailUrl = config.mailUrl ?? (catcher as MailCatcher).url;
    const sender = smtpSender({ url: mailUrl, from: config.mailFrom ?? 'noreply@disclosure.localhost' });
    let siteUrl = `http://localhost:${config.port}`;
    const site = siteFrom(process.env);
    const mail = {
      sender,
      siteName: site.name,
      get siteUrl() {
        return siteUrl;
      },
    };
    // The city's platform: a test's own, the fake one (UPSTREAM=fake), UPSTREAM_URL, or none.
    if (config.fakeUpstreamPort !== undefined)
      fake = await startFakeUpstream({ port: config.fakeUpstreamPort });
    const upstreamTarget = config.upstream ?? (fake ? { url: fake.url, token: fake.token } : undefined);
    const upstream = upstreamTarget
      ? httpUpstream({
          url: upstreamTarget.url,
          token: async () => upstreamTarget.token,
          ...(config.upstream?.timeoutMs ? { timeoutMs: config.upstream.timeoutMs } : {}),
        })
      : upstreamFromEnv(process.env);
    const sweeps = makeSweeps(store, systemClock, { autoPublish: config.autoPublish, mail, upstream });
    const scheduler = config.schedules ? startScheduler(sweeps) : undefined;
    const jobs = config.batchJobs ? startJobWorker(sweeps) : undefined;
    const server = createApiServer({
      keys,
      ...(catcher ? { mailbox: catcher } : {}),
      files: (request, response) => serveMaterialFiles(request, response, files),
      district: site,
      onAnswer: (route, status) => {
        if (route === BATCH_ROUTE && status === 202) jobs?.wake();
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host}:${port}`;
    siteUrl = url;
    process.env.FILES_URL = url;
    writeRuntime(config.dataDir, {
      pid: process.pid,
      url,
      dynamodbEndpoint: endpoint,
      tableName: config.tableName,
      mailUrl,
      ...(upstreamTarget ? { upstream: { url: upstreamTarget.url, token: upstreamTarget.token } } : {}),
    });
    return {
      url,
      sweeps,
      dynamodbEndpoint: endpoint,
      startedDynamoDb: dynamo !== undefined,
      table,
      mail: { url: mailUrl, messages: () => catcher?.messages() ?? [] },
      upstreamUrl: upstreamTarget?.url ?? process.env.UPSTREAM_URL,
      async stop() {
        clearRuntime(config.dataDir);
        await scheduler?.stop();
        await jobs?.stop();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        sender.close();
        await catcher?.stop();
        await fake?.stop();
        await dynamo?.stop();
      },
    };
  } catch (error) {
    await fake?.stop();
    await catcher?.stop();
    await dynamo?.stop();
    throw error;
  }
}
