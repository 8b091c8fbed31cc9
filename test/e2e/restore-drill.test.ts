import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../../local/ensure-table.ts';
import type { Store } from '../../shared/store/client.ts';
import { officialYearBody } from '../support/calendar-builders.ts';
import { LOCAL_CREDENTIALS, uniqueTableName } from '../support/dynamodb.ts';
import { describe, expect, it, type TestService } from '../support/e2e.ts';
import { call } from '../support/http.ts';
import { run } from '../support/processes.ts';
import { recordOf } from '../support/record-mothers.ts';
import { APPROVE, licenseAgainst, penaltyAgainst, REJECT } from '../support/workflow-mothers.ts';

interface Summary {
  ok: boolean;
  mode: string;
  error?: string;
  source: { table?: string; export: string; items: number };
  restored: { table: string; items: number; kept: boolean };
  audit: { chains: number; problems: { chain: string; problem: string; seq?: number }[] };
  counts: Record<string, { source: number; restored: number }>;
  differences: { kind: string; source: number; restored: number }[];
}

const RECORDS = 6;

/** Records, an objection, a repair, a correction and a calendar year, all through the API. */
it.beforeAll(async ({ service, api, agency, entity, admin }) => {
  // One after another: on a loaded machine, six transactions at once can meet a busy DynamoDB Local.
  const repaired = await api.publishedPenalty(agency, entity);
  const objected = await api.publishedPenalty(agency, entity);
  const corrected = await api.publishedPenalty(agency, entity);
  await api.register(agency, licenseAgainst(entity.uscc));
  await api.register(agency, recordOf('reward'));
  await api.register(agency, penaltyAgainst(entity.uscc, 1), false);
  const objection = await api.objected(entity, objected);
  const rejected = await api.decideObjection(agency.token, objection, REJECT);
  const repair = await api.repaired(entity, repaired);
  const approved = await api.decideRepair(agency.token, repair, APPROVE);
  const correction = await api.send('POST', `/v1/records/${corrected}/corrections`, {
    token: agency.token,
    body: { reason: '补充说明', changes: { remarks: '经复核补充说明' } },
  });
  const calendar = await call(service.url, 'PUT', '/v1/calendar/2033', {
    token: admin,
    body: officialYearBody(2033),
  });
  expect([rejected.status, approved.status, correction.status, calendar.status]).toEqual([
    200, 200, 200, 201,
  ]);
});

/** `npm run restore-drill -- …` on the service's DATA_DIR: its exit code and its JSON summary. */
async function drill(service: TestService, args: string[]) {
  const command = run('npm', ['run', '-s', 'restore-drill', '--', ...args], {
    DATA_DIR: service.dataDir,
    DYNAMODB_ENDPOINT: undefined,
    TABLE_NAME: undefined,
  });
  const code = await command.exited;
  const text = command.stdout();
  let summary: Summary;
  try {
    summary = JSON.parse(text) as Summary;
  } catch {
    throw new Error(`restore-drill printed no JSON (exit ${code}):\n${text}\n${command.stderr()}`);
  }
  return { code, summary, stderr: command.stderr() };
}

/** A whole drill that keeps its table and its export, for the checks to be run on again. */
async function keptDrill(service: TestService) {
  const file = join(mkdtempSync(join(tmpdir(), 'disclosure-drill-')), 'export.ndjson');
  const table = uniqueTableName('restored');
  const result = await drill(service, ['--restore-table', table, '--file', file, '--keep']);
  expect(result.code, result.stderr).toBe(0);
  return { file, table };
}

/** The checks alone, on a restored table against an export. */
const checkRestored = (service: TestService, table: string, source: string) =>
  drill(service, ['--restored-table', table, '--source-export', source]);

/** Every chain GET /v1/admin/audit/verify checks on the service itself. */
async function chainsOfService(service: TestService, admin: string) {
  let chains = 0;
  let cursor: string | undefined;
  do {
    const page = await call(
      service.url,
      'GET',
      `/v1/admin/audit/verify?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      { token: admin },
    );
    expect(page.json.problems).toEqual([]);
    chains += page.json.checked;
    cursor = page.json.cursor;
  } while (cursor);
  return chains;
}

/** The key of one item of `type` in `table` (of the shared DynamoDB Local), found by a Scan. */
async function firstItemOfType(store: Store, table: string, type: string) {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await store.client.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: '#type = :type',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': type },
        ExclusiveStartKey: start,
      }),
    );
    const [item] = page.Items ?? [];
    if (item) return { pk: item.pk as string, sk: item.sk as string };
    start = page.LastEvaluatedKey;
  } while (start);
  throw new Error(`no item of type ${type} in ${table}`);
}

describe('npm run restore-drill', () => {
  it('exports, imports into a new table, verifies every chain there and finds every count equal', async ({
    service,
    admin,
  }) => {
    const file = join(mkdtempSync(join(tmpdir(), 'disclosure-drill-')), 'export.ndjson');
    const table = uniqueTableName('restored');
    const started = Date.now();

    const { code, summary, stderr } = await drill(service, [
      '--restore-table',
      table,
      '--file',
      file,
      '--keep',
    ]);

    expect(code, stderr).toBe(0);
    expect(summary).toMatchObject({
      ok: true,
      mode: 'export-import',
      source: { table: service.tableName, export: file },
      restored: { table, kept: true },
      differences: [],
    });
    expect(summary.audit.problems).toEqual([]);
    // As many chains as the service itself verifies: six records, the objection, the
    // repair, its 信用修复型 commitment and the calendar year.
    expect(summary.audit.chains).toBe(await chainsOfService(service, admin));
    expect(summary.audit.chains).toBe(RECORDS + 4);
    expect(summary.counts.commitment).toEqual({ source: 1, restored: 1 });
    expect(summary.counts.record).toEqual({ source: RECORDS, restored: RECORDS });
    expect(summary.counts.objection).toEqual({ source: 1, restored: 1 });
    expect(summary.counts.repair).toEqual({ source: 1, restored: 1 });
    expect(summary.restored.items).toBe(summary.source.items);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(summary.source.items).toBe(lines.length - 1);
    expect(Object.values(summary.counts).reduce((sum, c) => sum + c.restored, 0)).toBe(
      summary.restored.items,
    );
    console.info(
      `restore drill: ${summary.source.items} items, ${summary.audit.chains} chains, ${Date.now() - started} ms`,
      JSON.stringify(summary.counts),
    );
  });

  it('drops the table it restored into, and its export, when nothing is wrong and --keep is not given', async ({
    service,
  }) => {
    const { code, summary } = await drill(service, []);

    expect(code).toBe(0);
    expect(summary.restored).toMatchObject({ kept: false });
    expect(summary.restored.table).toMatch(new RegExp(`^${service.tableName}-restore-drill-\\d{8}T\\d{6}Z$`));
    expect(summary.source.export).toBe('(removed)');
    const client = new DynamoDBClient({ endpoint: service.dynamodbEndpoint, ...LOCAL_CREDENTIALS });
    await expect(
      client.send(new DescribeTableCommand({ TableName: summary.restored.table })),
    ).rejects.toThrow(/non-existent table|not found/i);
    client.destroy();
  });

  it('fails when the restored copy lost an item that no audit chain covers, naming its kind', async ({
    service,
    store,
  }) => {
    const { file, table } = await keptDrill(service);
    const lost = await firstItemOfType(store, table, 'document-claim');
    await store.client.send(new DeleteCommand({ TableName: table, Key: lost }));

    const { code, summary } = await checkRestored(service, table, file);

    expect(code).toBe(1);
    expect(summary.ok).toBe(false);
    // The chains still verify: only the counts show the loss.
    expect(summary.audit.problems).toEqual([]);
    const claims = summary.counts['document-claim']?.source ?? 0;
    expect(summary.differences).toEqual([{ kind: 'document-claim', source: claims, restored: claims - 1 }]);
  });

  it('fails when an audit entry of the restored copy was altered, naming the chain', async ({
    service,
    store,
  }) => {
    const { file, table } = await keptDrill(service);
    const entry = await firstItemOfType(store, table, 'audit');
    await store.client.send(
      new UpdateCommand({
        TableName: table,
        Key: entry,
        UpdateExpression: 'SET #a = :a',
        ExpressionAttributeNames: { '#a': 'action' },
        ExpressionAttributeValues: { ':a': 'record.nothing_happened' },
      }),
    );

    const { code, summary } = await checkRestored(service, table, file);

    expect(code).toBe(1);
    expect(summary.ok).toBe(false);
    expect(summary.differences).toEqual([]);
    expect(summary.audit.problems).toEqual([
      { chain: entry.pk, problem: 'broken-link', seq: Number(entry.sk.split('#')[1]) },
    ]);
  });

  it('checks a table against a DynamoDB export to S3 (data/*.json.gz), and refuses an incomplete download', async ({
    service,
  }) => {
    const { file, table } = await keptDrill(service);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').slice(0, -1);
    const half = Math.ceil(lines.length / 2);
    const exportDir = mkdtempSync(join(tmpdir(), 'disclosure-s3-export-'));
    const data = join(exportDir, 'AWSDynamoDB', '01234567890123-abcdef12', 'data');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'aaaa.json.gz'), gzipSync(`${lines.slice(0, half).join('\n')}\n`));
    writeFileSync(join(data, 'bbbb.json.gz'), gzipSync(`${lines.slice(half).join('\n')}\n`));
    const manifest = join(exportDir, 'AWSDynamoDB', '01234567890123-abcdef12', 'manifest-summary.json');
    writeFileSync(manifest, JSON.stringify({ itemCount: lines.length, outputFormat: 'DYNAMODB_JSON' }));

    const whole = await checkRestored(service, table, exportDir);
    writeFileSync(manifest, JSON.stringify({ itemCount: lines.length + 1 }));
    const incomplete = await checkRestored(service, table, exportDir);

    expect(whole.code, whole.stderr).toBe(0);
    expect(whole.summary).toMatchObject({ ok: true, mode: 'check-restored', differences: [] });
    expect(whole.summary.source.items).toBe(lines.length);
    expect(incomplete.code).toBe(1);
    expect(incomplete.summary.error).toMatch(/the download is incomplete/);
  });

  it('never restores into the source table or a table that exists, and says how it is used', async ({
    service,
  }) => {
    const table = uniqueTableName('restored');
    const client = new DynamoDBClient({ endpoint: service.dynamodbEndpoint, ...LOCAL_CREDENTIALS });
    await ensureTable(client, table);
    client.destroy();

    const [source, taken, usage] = [
      await drill(service, ['--restore-table', service.tableName]),
      await drill(service, ['--restore-table', table]),
      run('npm', ['run', '-s', 'restore-drill', '--', '--aws'], { DATA_DIR: service.dataDir }),
    ];

    expect(source.code).toBe(1);
    expect(source.summary.error).toMatch(/must not be the source table/);
    expect(taken.code).toBe(1);
    expect(taken.summary.error).toMatch(new RegExp(`table ${table} already exists`));
    expect(await usage.exited).toBe(2);
    expect(usage.stderr()).toMatch(/--aws checks a table restored on AWS[\s\S]*usage: npm run restore-drill/);
  });
});
