/**
 * `npm run sweep -- <name> [--now <ISO-8601 instant>] [--json]`: runs one sweep now on the
 * data of DATA_DIR, as if the clock read --now, and prints what it did. It uses the DynamoDB
 * of a server running on the same DATA_DIR, else DYNAMODB_ENDPOINT, else starts DynamoDB
 * Local on DATA_DIR itself for the run.
 */
import { siteFrom } from '../shared/site/site-config.ts';
import './quiet-sdk.ts';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeSweeps } from '../functions/sweeps/sweeps.ts';
import { SWEEP_NAMES, type SweepName } from '../shared/domain/deadlines/kinds.ts';
import type { SweepReport } from '../shared/domain/deadlines/sweep.ts';
import { smtpSender } from '../shared/mail/smtp-sender.ts';
import { createDocumentClient } from '../shared/store/client.ts';
import { upstreamFromEnv } from '../shared/upstream/from-env.ts';
import { httpUpstream } from '../shared/upstream/http-upstream.ts';
import { localConfigFromEnv } from './config.ts';
import { JavaMissingError, startDynamoDbLocal } from './dynamodb-local.ts';
import { readRuntime } from './runtime-file.ts';

const USAGE = `usage: npm run sweep -- <${SWEEP_NAMES.join('|')}> [--now <ISO-8601 instant>] [--json]`;

class UsageError extends Error {}

function parse(argv: string[]): { sweep: SweepName; now: Date | undefined; json: boolean } {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: { now: { type: 'string' }; json: { type: 'boolean' } };
      allowPositionals: true;
    }>
  >;
  try {
    parsed = parseArgs({
      args: argv,
      options: { now: { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [name, ...rest] = parsed.positionals;
  if (!name || rest.length > 0) throw new UsageError('name one sweep');
  if (!(SWEEP_NAMES as readonly string[]).includes(name)) throw new UsageError(`no sweep named ${name}`);
  const nowText = parsed.values.now;
  const now = nowText === undefined ? undefined : new Date(nowText);
  if (now && (Number.isNaN(now.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(nowText ?? ''))) {
    throw new UsageError(`--now ${nowText}: not an ISO-8601 instant, e.g. 2026-10-16T00:30:00+08:00`);
  }
  return { sweep: name as SweepName, now, json: parsed.values.json ?? false };
}

function describe(report: SweepReport): string {
  const actions = Object.entries(report.actions);
  const lines = [
    `${report.sweep} at ${report.now}`,
    ...(actions.length === 0 ? ['  nothing was due'] : actions.map(([action, n]) => `  ${action}: ${n}`)),
    `  dead-lettered: ${report.deadLettered}`,
    ...(report.more ? ['  more is due: run it again'] : []),
  ];
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { sweep, now, json } = parse(process.argv.slice(2));
  const config = localConfigFromEnv();
  const running = readRuntime(config.dataDir);
  const own =
    running || config.dynamodbEndpoint
      ? undefined
      : await startDynamoDbLocal({ dbPath: join(config.dataDir, 'dynamodb') });
  try {
    const endpoint = running?.dynamodbEndpoint ?? config.dynamodbEndpoint ?? own?.endpoint ?? '';
    process.env.AWS_REGION ??= 'local';
    process.env.AWS_ACCESS_KEY_ID ??= 'local';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
    const store = {
      client: createDocumentClient({ endpoint }),
      tableName: running?.tableName ?? config.tableName,
    };
    const clock = () => now ?? new Date();
    // The open-data snapshot goes where the running service keeps its files (DATA_DIR/files).
    process.env.FILES_DIR ??= join(config.dataDir, 'files');
    process.env.FILES_URL ??= running?.url ?? `http://localhost:${config.port}`;
    process.env.FILES_SIGNING_KEY ??= randomBytes(32).toString('base64');
    // Mail goes where the running service sends it; with none running, to MAIL_URL if set.
    const sender = smtpSender({
      url: running?.mailUrl ?? config.mailUrl ?? `smtp://127.0.0.1:${config.mailCatcherPort ?? 2525}`,
      from: config.mailFrom ?? 'noreply@disclosure.localhost',
    });
    const mail = {
      sender,
      siteUrl: running?.url ?? `http://localhost:${config.port}`,
      siteName: siteFrom(process.env).name,
    };
    // Records go where the running service pushes them; with none running, to UPSTREAM_URL if set.
    const target = running?.upstream;
    const upstream = target
      ? httpUpstream({ url: target.url, token: async () => target.token })
      : upstreamFromEnv(process.env);
    const report = await makeSweeps(store, clock, { autoPublish: config.autoPublish, mail, upstream })(
      sweep,
    ).finally(() => sender.close());
    process.stdout.write(json ? `${JSON.stringify(report)}\n` : describe(report));
  } finally {
    await own?.stop();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) process.stderr.write(`${error.message}\n${USAGE}\n`);
  else if (error instanceof JavaMissingError) process.stderr.write(`${error.message}\n`);
  else
    process.stderr.write(
      `sweep: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  process.exit(error instanceof UsageError ? 2 : 1);
});
