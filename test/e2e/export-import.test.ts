import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { freePort } from '../../local/dynamodb-local.ts';
import { localKeys } from '../../local/jwt-keys.ts';
import { tokenClaims } from '../../local/token-claims.ts';
import { officialYearBody } from '../support/calendar-builders.ts';
import { dynamodbEndpoint, LOCAL_CREDENTIALS, uniqueTableName } from '../support/dynamodb.ts';
import { describe, expect, it } from '../support/e2e.ts';
import { call } from '../support/http.ts';
import { run, type Spawned, waitFor } from '../support/processes.ts';
import { recordOf } from '../support/record-mothers.ts';
import { APPROVE, licenseAgainst, penaltyAgainst } from '../support/workflow-mothers.ts';

const ids: string[] = [];

/** State of every kind the service keeps, built through the API. */
it.beforeAll(async ({ service, api, agency, entity, admin }) => {
  const [repaired, objected, corrected, license, reward, inspection, unpublished] = await Promise.all([
    api.publishedPenalty(agency, entity),
    api.publishedPenalty(agency, entity),
    api.publishedPenalty(agency, entity),
    api.register(agency, licenseAgainst(entity.uscc)),
    api.register(agency, recordOf('reward')),
    api.register(agency, recordOf('inspection')),
    api.register(agency, penaltyAgainst(entity.uscc, 1), false),
  ]);
  ids.push(repaired, objected, corrected, license, reward, inspection, unpublished);
  const objection = await api.objected(entity, objected);
  const decided = await api.decideObjection(agency.token, objection, {
    outcome: 'upheld',
    reason: '当事人名称登记有误',
    correction: { subject: { name: '济南市济阳区导出导入测试有限公司' } },
  });
  const repair = await api.repaired(entity, repaired);
  const approved = await api.decideRepair(agency.token, repair, APPROVE);
  const correction = await api.send('POST', `/v1/records/${corrected}/corrections`, {
    token: agency.token,
    body: { reason: '补充说明', changes: { remarks: '经复核补充说明' } },
  });
  const calendar = await call(service.url, 'PUT', '/v1/calendar/2032', {
    token: admin,
    body: officialYearBody(2032),
  });
  expect([decided.status, approved.status, correction.status, calendar.status]).toEqual([200, 200, 200, 201]);
});

const npm = (script: string, args: string[], env: Record<string, string | undefined>) =>
  run('npm', ['run', '-s', script, '--', ...args], env);

/** What a command printed, once it has ended. */
async function finished(command: Spawned) {
  const code = await command.exited;
  return { code, stdout: command.stdout(), stderr: command.stderr() };
}

/** A problem's requestId names the request, not the data: the one part two services may differ in. */
const withoutRequestId = (text: string) => text.replace(/,"requestId":"[^"]*"/, '');

/** The same GETs against both services: status and body, byte for byte. */
async function sameAnswers(original: string, copy: string, paths: string[], tokens: [string?, string?] = []) {
  for (const path of paths) {
    const [a, b] = await Promise.all([
      call(original, 'GET', path, tokens[0] ? { token: tokens[0] } : {}),
      call(copy, 'GET', path, tokens[1] ? { token: tokens[1] } : {}),
    ]);
    expect({ path, status: b.status, body: withoutRequestId(b.text) }).toEqual({
      path,
      status: a.status,
      body: withoutRequestId(a.text),
    });
  }
}

describe('npm run export and npm run import', () => {
  it('restore an identical service from an export into an empty DATA_DIR, and refuse a damaged file or a full table', async ({
    service,
    agency,
    entity,
    admin,
  }) => {
    const file = join(mkdtempSync(join(tmpdir(), 'disclosure-export-')), 'export.ndjson');
    const copyDir = mkdtempSync(join(tmpdir(), 'disclosure-copy-'));
    const alone = { DYNAMODB_ENDPOINT: undefined, TABLE_NAME: undefined };

    // The export finds the running service through DATA_DIR/runtime.json.
    const exported = await finished(npm('export', [file], { DATA_DIR: service.dataDir }));
    const imported = await finished(npm('import', [file], { DATA_DIR: copyDir, ...alone }));
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const trailer = JSON.parse(lines.at(-1) ?? '{}');

    expect(exported.code, exported.stderr).toBe(0);
    expect(imported.code, imported.stderr).toBe(0);
    expect(trailer).toMatchObject({ format: 'disclosure-export/1', count: lines.length - 1 });
    expect(imported.stdout).toContain(`imported ${trailer.count} items`);

    const port = await freePort();
    const copy = npm('start', [], { ...alone, DATA_DIR: copyDir, PORT: String(port), SCHEDULES: 'off' });
    try {
      await waitFor(copy, () => copy.stdout().includes('Disclosure service running at'), 120_000);
      const copyUrl = `http://localhost:${port}`;
      const keys = await localKeys(copyDir);
      const sign = async (args: string) => {
        const { claims, ttlSeconds } = tokenClaims(args.split(' '));
        return keys.sign(claims, ttlSeconds);
      };
      const [copyAgency, copyAdmin] = await Promise.all([
        sign(`--role agency --agency ${agency.uscc}`),
        sign('--role admin'),
      ]);

      await sameAnswers(service.url, copyUrl, [
        '/v1/disclosures',
        `/v1/disclosures?uscc=${entity.uscc}`,
        `/v1/disclosures?agency=${agency.uscc}`,
        '/v1/disclosures?kind=penalty',
        `/v1/disclosures?name=${encodeURIComponent('济阳')}`,
        `/v1/disclosures?from=2026-01-01&to=2026-12-31&limit=2`,
        ...ids.map((id) => `/v1/disclosures/${id}`),
        '/v1/calendar/2032',
      ]);
      await sameAnswers(
        service.url,
        copyUrl,
        ['registered', 'published', 'revoked'].map((status) => `/v1/agency/records?status=${status}`),
        [agency.token, copyAgency],
      );
      const [verified, original] = await Promise.all([
        call(copyUrl, 'GET', '/v1/admin/audit/verify?limit=100', { token: copyAdmin }),
        call(service.url, 'GET', '/v1/admin/audit/verify?limit=100', { token: admin }),
      ]);
      expect(verified.json.problems).toEqual([]);
      expect(verified.json.checked).toBe(original.json.checked);

      // The copy runs on copyDir: its table is found through runtime.json, and it is not empty.
      const again = await finished(npm('import', [file], { DATA_DIR: copyDir, ...alone }));
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/already holds items.*--force/);
    } finally {
      copy.signal('SIGTERM');
      await copy.exited;
    }
  }, 300_000);

  it('refuses an export with one character changed, or cut short, and creates no table', async ({
    service,
  }) => {
    const dir = mkdtempSync(join(tmpdir(), 'disclosure-export-'));
    const file = join(dir, 'export.ndjson');
    expect((await finished(npm('export', [file], { DATA_DIR: service.dataDir }))).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    const lines = text.trimEnd().split('\n');
    const tampered = join(dir, 'tampered.ndjson');
    const at = text.indexOf('"S":"') + 6;
    writeFileSync(tampered, `${text.slice(0, at)}${text[at] === 'X' ? 'Y' : 'X'}${text.slice(at + 1)}`);
    const truncated = join(dir, 'truncated.ndjson');
    writeFileSync(truncated, `${[...lines.slice(0, -2), lines.at(-1)].join('\n')}\n`);
    const tableName = uniqueTableName('import');
    const env = { DATA_DIR: dir, DYNAMODB_ENDPOINT: dynamodbEndpoint(), TABLE_NAME: tableName };

    const [changed, cut] = [
      await finished(npm('import', [tampered], env)),
      await finished(npm('import', [truncated], env)),
    ];

    expect(changed.code).toBe(1);
    expect(changed.stderr).toMatch(/cannot be imported: its checksum does not match.*Nothing was imported/);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toMatch(/cannot be imported: its checksum does not match/);
    const client = new DynamoDBClient({ endpoint: dynamodbEndpoint(), ...LOCAL_CREDENTIALS });
    await expect(client.send(new DescribeTableCommand({ TableName: tableName }))).rejects.toThrow(
      /non-existent table|not found/i,
    );
    client.destroy();
  }, 120_000);
});
