import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedWorld } from '../../bench/seed.ts';
import { freePort } from '../../local/dynamodb-local.ts';
import { localKeys } from '../../local/jwt-keys.ts';
import { tokenClaims } from '../../local/token-claims.ts';
import { parseCsv } from '../../shared/domain/csv.ts';
import { OPEN_DATA_COLUMNS } from '../../shared/domain/sharing/open-data.ts';
import { bulkLoad, recordItems } from '../../shared/store/bulk-loader.ts';
import { createDocumentClient } from '../../shared/store/client.ts';
import { dynamodbEndpoint, uniqueTableName } from '../support/dynamodb.ts';
import { call } from '../support/http.ts';
import { run, type Spawned, waitFor } from '../support/processes.ts';
import {
  aPersonId,
  penaltyAgainst,
  penaltyAgainstPerson,
  revocationBody,
} from '../support/workflow-mothers.ts';

/*
 * Open data from a server of its own (a separate process, so its memory can be read from
 * /proc): 20,000 public records streamed as CSV with the server's resident memory flat, and
 * exactly the records the public search finds — no natural person's, no revoked one.
 */
vi.setConfig({ testTimeout: 600_000, hookTimeout: 600_000 });

const RECORDS = 20_000;
/**
 * The server's old-generation heap is capped well below the file: a server that held the file
 * (or a growing part of it) would fail with an out-of-memory error; one that streams it does
 * not. Without a cap V8 lets the heap grow lazily, so resident memory alone proves little.
 */
const SERVER_HEAP_MB = 96;
const LONG_TEXT =
  '经查，当事人在经营活动中未按规定履行法定义务，违反了有关法律法规的规定，依法应予处罚。'.repeat(24);
const dataDir = mkdtempSync(join(tmpdir(), 'disclosure-open-data-'));
const tableName = uniqueTableName('opendata');
let server: Spawned;
let url = '';

/** The server's resident memory in KiB, now and at its peak (VmRSS, VmHWM). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

beforeAll(async () => {
  const port = await freePort();
  // node with tsx's loader, not npm: the process measured is the server itself.
  server = run(
    process.execPath,
    [`--max-old-space-size=${SERVER_HEAP_MB}`, '--import', 'tsx', 'local/main.ts'],
    {
      PORT: String(port),
      DATA_DIR: dataDir,
      DYNAMODB_ENDPOINT: dynamodbEndpoint(),
      TABLE_NAME: tableName,
      SCHEDULES: 'off',
      BATCH_JOBS: 'off',
      MAIL_CATCHER_PORT: '0',
      METRICS: 'off',
    },
  );
  await waitFor(server, () => server.stdout().includes('Disclosure service running at'), 120_000);
  url = `http://localhost:${port}`;

  // 20,000 published public penalties, as registration and publication write them, each with
  // a long decision text (about 3 KB in UTF-8): a file of some 60 MB, far more than the
  // server's memory moves by on its own, so a server that kept the file would show it.
  const world = seedWorld(20261205);
  const long = (built: ReturnType<typeof world.published>) => {
    const { record } = built;
    if (record.content.kind !== 'penalty') return built;
    const content = `${record.content.penalty.content}。${LONG_TEXT}`;
    return {
      ...built,
      record: { ...record, content: { ...record.content, penalty: { ...record.content.penalty, content } } },
    };
  };
  const store = { client: createDocumentClient({ endpoint: dynamodbEndpoint() }), tableName };
  for (let done = 0; done < RECORDS; done += 1000) {
    const built = Array.from({ length: 1000 }, () => long(world.published()));
    await bulkLoad(
      store,
      built.flatMap(({ record, audit }) => recordItems(record, audit)),
      16,
    );
  }
  store.client.destroy();

  // Records the public may not see, through the API: natural persons' and revoked ones.
  const keys = await localKeys(dataDir);
  const sign = (args: string) => {
    const { claims, ttlSeconds } = tokenClaims(args.split(' '));
    return keys.sign(claims, ttlSeconds);
  };
  const agency = await sign(`--role agency --agency ${world.agencies[0]}`);
  for (let i = 0; i < 3; i++) {
    const person = await call(url, 'POST', '/v1/records', {
      token: agency,
      body: { ...penaltyAgainstPerson(aPersonId()), publish: true },
    });
    expect(person.status).toBe(201);
    const revoked = await call(url, 'POST', '/v1/records', {
      token: agency,
      body: { ...penaltyAgainst(world.company().uscc), publish: true },
    });
    expect(revoked.status).toBe(201);
    const answer = await call(url, 'POST', `/v1/records/${revoked.json.id}/revocations`, {
      token: agency,
      body: revocationBody(),
    });
    expect(answer.status).toBe(200);
  }
});

afterAll(async () => {
  server?.signal('SIGTERM');
  await server?.exited;
});

describe('open data of 20,000 records', () => {
  it('streams the CSV with the server’s memory flat, and exactly the records the public search finds', async () => {
    const pid = server.child.pid as number;
    // Warm: the handler module loaded, one page read.
    expect((await call(url, 'GET', '/v1/disclosures?limit=1')).status).toBe(200);
    const before = memoryOf(pid);

    const response = await fetch(`${url}/v1/open-data/disclosures.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-length')).toBeNull();
    const chunks: Buffer[] = [];
    let bytes = 0;
    const samples: { bytes: number; rss: number }[] = [];
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      chunks.push(Buffer.from(chunk));
      bytes += chunk.length;
      if (samples.length === 0 || bytes - (samples.at(-1)?.bytes ?? 0) > 1_000_000)
        samples.push({ bytes, rss: memoryOf(pid).rss });
    }
    const after = memoryOf(pid);
    const text = Buffer.concat(chunks).toString('utf8');

    // The report: what the file weighed and what the server held while it went out.
    const peakGrowthMb = (after.peak - before.peak) / 1024;
    const quarter = samples[Math.floor(samples.length / 4)] as { rss: number };
    const lateGrowthMb =
      (Math.max(...samples.slice(Math.floor(samples.length / 4)).map((s) => s.rss)) - quarter.rss) / 1024;
    process.stdout.write(
      `${JSON.stringify({
        openDataCsv: {
          records: RECORDS,
          megabytes: Math.round(bytes / 1e5) / 10,
          serverRssBeforeMb: Math.round(before.rss / 1024),
          serverPeakRssMb: Math.round(after.peak / 1024),
          peakGrowthMb: Math.round(peakGrowthMb),
          growthAfterFirstQuarterMb: Math.round(lateGrowthMb),
        },
      })}\n`,
    );
    expect(bytes).toBeGreaterThan(50_000_000);
    // Flat: the server's peak grew by far less than the file it sent (a server that built the
    // file would hold it at least once), and past the first quarter it held no more than a few
    // pages more.
    expect(peakGrowthMb * 1e6).toBeLessThan(bytes / 2);
    expect(lateGrowthMb).toBeLessThan(32);

    // UTF-8 with BOM, the standard's headers, one row per public record.
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(OPEN_DATA_COLUMNS.map(([h]) => h));
    const ids = rows.map((r) => r[0]);
    expect(new Set(ids).size).toBe(ids.length);

    // Exactly as many as the public search finds, and the same ones.
    const searched: string[] = [];
    let cursor = '';
    do {
      const page = await call(
        url,
        'GET',
        `/v1/disclosures?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      searched.push(...page.json.items.map((r: { id: string }) => r.id));
      cursor = page.json.cursor ?? '';
    } while (cursor);
    expect(rows).toHaveLength(searched.length);
    expect(rows.length).toBe(RECORDS);
    expect(new Set(ids)).toEqual(new Set(searched));
    // No natural person's record.
    expect(rows.filter((r) => r[3] === '自然人')).toEqual([]);
  });
});
