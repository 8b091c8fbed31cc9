/**
 * `npm run bench [-- --quick] [-- --cpu-prof]`: starts its own stack (temporary DATA_DIR,
 * in-memory DynamoDB Local, the local server as a child process), seeds it with the bulk
 * loader, measures, and writes bench/results.json plus a table on stdout. Goals are
 * reported, not asserted: it exits non-zero only when a measurement fails.
 * `--cpu-prof` also profiles the local server (bench/profiles/) and prints its hot spots.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { localKeys } from '../local/jwt-keys.ts';
import { shanghaiDate } from '../shared/domain/dates.ts';
import { MAX_BATCH_ROWS, SYNC_MAX_ROWS } from '../shared/domain/records/batch.ts';
import { batchJobDeclared, measureBatchJob } from './batch-job.ts';
import { buildBundles, measureColdInit } from './bundles.ts';
import { measureApiOverhead } from './latency.ts';
import { alternatingReadLoad, assertClean, readLoad, writeLoad } from './load.ts';
import { withLongestName } from './longest-rows.ts';
import { seededRandom } from './names.ts';
import { formatSummary, monotonicMicros, summariseProfile } from './profile.ts';
import { readCostFigures, round, seedAndMeasure } from './read-cost.ts';
import { goalResults, machine, printTable, writeResults } from './report.ts';
import { measureReportCost } from './report-cost.ts';
import { seedWorld } from './seed.ts';
import { startLocalServer, startMinimalServer, startStack, TABLE_NAME } from './stack.ts';
import { measureStatsCost, type StatsCost, statsCostFigures } from './stats-cost.ts';
import { measureWriteCost } from './write-cost.ts';
import { measureWritePath } from './write-path.ts';

const { values: args } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, 'cpu-prof': { type: 'boolean', default: false } },
});
const quick = args.quick === true;
const N = quick ? 200 : 2000;
const SECONDS = quick ? { read: 3, write: 3, warmup: 1 } : { read: 15, write: 10, warmup: 3 };
const PROFILE_DIR = resolve('bench', 'profiles');

const startedAt = new Date();
const t0 = performance.now();
const step = (what: string) =>
  process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${what}\n`);

/** The statistics figures, the ratios rounded like the others; items read as well as units. */
function statsFigures(cost: StatsCost) {
  const figures = statsCostFigures(cost);
  return {
    ...figures,
    stats_read_ratio: round(figures.stats_read_ratio, 3),
    stats_items_read_ratio: round(cost.large.items_read / cost.small.items_read, 3),
  };
}

async function main(): Promise<Record<string, unknown>> {
  step(`starting DynamoDB Local (N = ${N}${quick ? ', quick' : ''})`);
  const stack = await startStack();
  process.once('SIGINT', () => void stack.stop().then(() => process.exit(130)));
  // Whatever is started in the background: settled before the stack stops, so all is stopped.
  const starting: Promise<unknown>[] = [];
  try {
    const loader = stack.store();
    const world = seedWorld();

    step(`seeding ${N} records and measuring reads`);
    const small = await seedAndMeasure(
      loader,
      stack.store(),
      world,
      {
        background: N,
        decided: '2026-02-02',
        sweepAt: '2026-03-02T00:05:00+08:00',
      },
      0,
    );
    // The servers start while the table fills (their start-up is not measured).
    if (args['cpu-prof']) mkdirSync(PROFILE_DIR, { recursive: true });
    const serverStarting = startLocalServer(
      stack,
      args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
    );
    const minimalStarting = startMinimalServer(stack);
    // So does bundling, whose figures are sizes.
    const bundling = buildBundles(join(stack.dataDir, 'bundles'));
    starting.push(serverStarting, minimalStarting, bundling);
    for (const p of starting) p.catch(() => undefined); // a failure is reported where it is awaited
    step(`seeding ${9 * N} more records and measuring reads again; starting the servers, bundling`);
    const large = await seedAndMeasure(
      loader,
      stack.store(),
      world,
      {
        background: 9 * N,
        decided: '2026-05-06',
        sweepAt: '2026-06-02T00:05:00+08:00',
      },
      small.cost.records,
    );
    const readCost = readCostFigures(small.cost, large.cost);

    // On tables of their own: the statistics count every record decided in their period.
    const statsSizes = quick ? { small: N / 4, large: (5 * N) / 2 } : { small: N, large: 10 * N };
    step(`statistics: one call's read units with ${statsSizes.small} and ${statsSizes.large} records`);
    const statsTable = `${TABLE_NAME}-stats`;
    const statsCost = await measureStatsCost(
      await stack.table(statsTable),
      await stack.table(statsTable),
      statsSizes,
    );
    const ids = [...small.published, ...large.published].map((r) => r.id);

    const bundles = await bundling;
    step('cold starts');
    const cold = await measureColdInit(bundles, stack.env, ids[0] as string, quick ? 5 : 7);

    step('write units of a registration and a publication');
    const agency = world.agencies[0] as string;
    const longRandom = seededRandom(20261204);
    const writeCost = await measureWriteCost(
      stack.store(),
      await stack.table(`${TABLE_NAME}-scratch`),
      world,
      agency,
      {
        samples: quick ? 2 : 20,
        longestName: (input) => withLongestName(input as Parameters<typeof withLongestName>[0], longRandom),
      },
    );

    const server = await serverStarting;
    const minimal = await minimalStarting;
    const serverPid = server.scriptPid();

    step('latency: API, minimal server and raw GetItem, one request at a time');
    const latency = await measureApiOverhead(
      { api: server.url, minimal: minimal.url },
      stack.store(),
      ids,
      quick ? { warmup: 50, samples: 200 } : { warmup: 100, samples: 500 },
    );

    step(`read load: warming up both servers (${SECONDS.warmup} s each)`);
    await readLoad(server.url, ids, SECONDS.warmup);
    await readLoad(minimal.url, ids, SECONDS.warmup);
    step(`read load: local and minimal server in turns (${SECONDS.read} s each)`);
    const readWindow = { from: monotonicMicros(), to: 0 };
    const readRounds = await alternatingReadLoad({ a: server.url, b: minimal.url }, ids, {
      seconds: SECONDS.read,
      rounds: quick ? 3 : 5,
    });
    readWindow.to = monotonicMicros();
    const reads = readRounds.a;
    const baseline = readRounds.b;
    assertClean('read load', reads);
    assertClean('read load (minimal server)', baseline);

    const keys = await localKeys(stack.dataDir);
    const token = await keys.sign({ role: 'agency', agency, sub: `agency:${agency}` }, 3600);
    const today = shanghaiDate(new Date());
    step('write path: POST /v1/records with publish against the raw transaction, one at a time');
    const writePath = await measureWritePath(
      server.url,
      token,
      stack.store(),
      agency,
      () => world.penaltyInput(today),
      quick ? { warmup: 5, samples: 20 } : { warmup: 20, samples: 150 },
    );

    step(`write load (${SECONDS.write} s)`);
    const writeWindow = { from: monotonicMicros(), to: 0 };
    const writes = await writeLoad(server.url, token, () => world.penaltyInput(today), SECONDS.write);
    writeWindow.to = monotonicMicros();
    assertClean('write load', writes);
    const peakRss = server.peakRssMb();

    // Not measured figures say why, so a run before a feature lands still completes.
    const notMeasured: Record<string, string> = {};
    let batchJob: Awaited<ReturnType<typeof measureBatchJob>> | undefined;
    if (await batchJobDeclared(server.url)) {
      // The quick run: the fewest rows a request does not run itself, so still a job.
      const rows = quick ? SYNC_MAX_ROWS + 1 : MAX_BATCH_ROWS;
      step(`batch job: ${rows} rows with the longest fields, publish=true, public reads meanwhile`);
      batchJob = await measureBatchJob(
        server.url,
        token,
        ids,
        { base: () => world.penaltyInput(today), random: longRandom, rows },
        { readSeconds: quick ? 1 : 5, floorUrl: minimal.url },
      );
    } else {
      notMeasured.batch_job =
        'the API document has no 202 on POST /v1/records/batch and no GET /v1/jobs/{id}';
    }
    await minimal.stop();

    await server.stop();

    // With nothing else running: the figures are against the function's absolute limits.
    step('credit reports: an entity with 10 and with 500 records, in a process of their own');
    const reportCost = await measureReportCost(
      stack,
      await stack.table(`${TABLE_NAME}-reports`),
      world,
      quick ? 1 : 3,
    );
    if (args['cpu-prof']) {
      // The main thread's profile (tsx's loader hooks run on a thread of their own).
      const name = readdirSync(PROFILE_DIR).find((f) => f.includes(`.${serverPid}.0.`));
      if (!name) throw new Error(`no profile of process ${serverPid} in ${PROFILE_DIR}`);
      const file = join(PROFILE_DIR, name);
      process.stderr.write(
        `\nprofile: ${file}\n${formatSummary(summariseProfile(file, 25, readWindow), "local server during the read load (its turns and the minimal server's)")}` +
          `\n${formatSummary(summariseProfile(file, 25, writeWindow), 'local server during the write load')}`,
      );
    }

    const figures = {
      ...latency.figures,
      ...readCost.figures,
      ...statsFigures(statsCost),
      bundle_bytes: bundles.bytes,
      ...cold.figures,
      read_rps: reads.rps,
      read_p99_ms: reads.p99_ms,
      read_rps_ratio: round(reads.rps / baseline.rps, 3),
      ...writePath.figures,
      ...writeCost.figures,
      write_rps: writes.rps,
      ...batchJob?.figures,
      ...reportCost.figures,
      peak_rss_mb: peakRss,
    };
    return {
      quick,
      started_at: startedAt.toISOString(),
      duration_s: round((performance.now() - t0) / 1000, 1),
      machine: machine(),
      ...figures,
      goals: goalResults(figures),
      not_measured: notMeasured,
      details: {
        records: { small: small.cost.records, large: large.cost.records },
        latency: latency.detail,
        read_cost: { ...readCost.detail, small: small.cost, large: large.cost },
        stats_cost: statsCost,
        cold_init: cold.detail,
        read_load: {
          local_server: reads,
          minimal_server: baseline,
          connections: 32,
          rounds: readRounds.rounds,
        },
        write_load: { ...writes, connections: 16, seconds: SECONDS.write },
        write_path: writePath.detail,
        write_cost: writeCost.detail,
        report_cost: reportCost.detail,
        ...(batchJob ? { batch_job: batchJob.detail } : {}),
      },
    };
  } finally {
    step('stopping');
    await Promise.allSettled(starting);
    await stack.stop();
  }
}

main().then(
  (results) => {
    results.duration_s = round((performance.now() - t0) / 1000, 1);
    writeResults(join('bench', 'results.json'), results);
    printTable(results);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
