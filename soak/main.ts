/**
 * `npm run soak [-- --scale 0.1] [-- --no-fuzz]`: the bench's own stack (temporary DATA_DIR,
 * in-memory DynamoDB Local, the local server as a child process), then from 32 concurrent
 * clients on loopback: 10,000 registrations, 2,000 objections, 500 repair applications and
 * the agencies' decisions on some. Afterwards every accepted request must be found stored
 * exactly once, with its deadlines, in the statistics and in verified audit chains; then the
 * fuzz files run with FUZZ_RUNS=200. Writes test-results/soak-results.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startLocalServer, startStack } from '../bench/stack.ts';
import { localKeys } from '../local/jwt-keys.ts';
import { shanghaiDate } from '../shared/domain/dates.ts';
import { percentile, pool, SoakClient } from './client.ts';
import { verifyStored, type World } from './verify.ts';
import { earlyDate, laterDate, type Purpose, parties, registration } from './workload.ts';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    clients: { type: 'string', default: '32' },
    'no-fuzz': { type: 'boolean', default: false },
  },
});
const scale = Number(args.scale);
const CLIENTS = Number(args.clients);
const COUNTS = {
  registrations: Math.round(10_000 * scale),
  objections: Math.round(2_000 * scale),
  repairs: Math.round(500 * scale),
};
const FUZZ_RUNS = Math.max(20, Math.round(200 * scale));

const t0 = performance.now();
const step = (what: string) =>
  process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${what}\n`);

async function load(client: SoakClient, world: World, random: () => number): Promise<void> {
  const today = shanghaiDate(new Date());
  const plan: { purpose: Purpose; agency: number; entity: number }[] = Array.from(
    { length: COUNTS.registrations },
    (_, i) => ({
      purpose: i < COUNTS.repairs ? 'repair' : i < COUNTS.repairs + COUNTS.objections ? 'objection' : 'plain',
      agency: Math.floor(random() * world.agencies.length),
      entity: Math.floor(random() * world.entities.length),
    }),
  );
  step(`registering ${plan.length} records from ${CLIENTS} clients`);
  await pool(
    plan,
    CLIENTS,
    async (task) => {
      const agency = world.agencies[task.agency];
      const entity = world.entities[task.entity];
      if (!agency || !entity) return;
      const date = task.purpose === 'repair' ? earlyDate(random) : laterDate(random, today);
      const body = registration(random, entity, date, task.purpose);
      const answer = await client.send('register', 'POST', '/v1/records', { token: agency.token, body });
      if (answer.status === 201 || answer.status === 200)
        world.records.set(answer.json.id, {
          agency: agency.uscc,
          entity: entity.uscc,
          purpose: task.purpose,
          status: answer.json.status,
        });
    },
    (done) => step(`  ${done} registrations`),
  );

  const filings = [...world.records.entries()].filter(([, r]) => r.purpose !== 'plain');
  step(`filing ${filings.length} objections and repair applications`);
  await pool(
    filings,
    CLIENTS,
    async ([recordId, r]) => {
      const entity = world.entities.find((e) => e.uscc === r.entity);
      const kind = r.purpose === 'repair' ? 'repair' : 'objection';
      const body =
        kind === 'repair'
          ? {
              recordId,
              commitment: { text: '本单位承诺依法诚信经营，如有违反愿承担相应责任。', signedAt: today },
              evidence: [{ name: '罚款缴款凭证', sha256: 'a'.repeat(64) }],
            }
          : { recordId, reason: 'content_error', statement: '公示的罚款金额与决定书不符。', evidence: [] };
      const answer = await client.send(kind, 'POST', `/v1/${kind}s`, { token: entity?.token, body });
      if (answer.status === 201) world[kind === 'repair' ? 'repairs' : 'objections'].set(answer.json.id, r);
    },
    (done) => step(`  ${done} filings`),
  );

  const decisions = [
    ...[...world.objections.keys()].filter(() => random() < 0.3).map((id) => ['objection', id] as const),
    ...[...world.repairs.keys()].filter(() => random() < 0.4).map((id) => ['repair', id] as const),
  ];
  step(`deciding ${decisions.length} of them`);
  await pool(
    decisions,
    CLIENTS,
    async ([kind, id]) => {
      const r = (kind === 'repair' ? world.repairs : world.objections).get(id);
      const token = world.agencies.find((a) => a.uscc === r?.agency)?.token;
      const roll = random();
      const body =
        kind === 'repair'
          ? { outcome: roll < 0.6 ? 'approved' : 'rejected', reason: '已履行法定义务' }
          : roll < 0.7
            ? { outcome: 'rejected', reason: '经核实与决定书一致' }
            : roll < 0.9
              ? { outcome: 'upheld', reason: '金额有误', correction: { remarks: '更正罚款金额' } }
              : { outcome: 'upheld', reason: '决定已撤销', revoke: true };
      const answer = await client.send(`${kind}-decision`, 'POST', `/v1/${kind}s/${id}/decision`, {
        token,
        body,
      });
      if (answer.status === 200) {
        world.decided.add(id);
        if ('revoke' in body && r) world.revoked.add(answer.json.recordId);
      }
    },
    (done) => step(`  ${done} decisions`),
  );
}

function fuzz(baseSeed: number): Record<string, unknown> {
  step(`fuzz: the fuzz files through vitest with FUZZ_RUNS=${FUZZ_RUNS}, FUZZ_SEED=${baseSeed}`);
  const run = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', 'test/e2e/fuzz-', '--reporter=dot'], {
    env: { ...process.env, FUZZ_RUNS: String(FUZZ_RUNS), FUZZ_SEED: String(baseSeed) },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the colours of vitest's summary
  const plain = `${run.stdout}${run.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  const line = (name: string) => new RegExp(`^\\s*${name}\\s+(.*)$`, 'm').exec(plain)?.[1]?.trim();
  const failed = [...plain.matchAll(/^\s*FAIL\s+.*?>\s*(.*)$/gm)].map((m) => m[1]?.trim());
  return {
    runs_per_route: FUZZ_RUNS,
    seed: baseSeed,
    exit_code: run.status,
    tests: line('Tests'),
    duration: line('Duration'),
    failed: [...new Set(failed)],
  };
}

async function main(): Promise<Record<string, unknown>> {
  step(`starting the stack (scale ${scale}: ${JSON.stringify(COUNTS)})`);
  const stack = await startStack();
  process.once('SIGINT', () => void stack.stop().then(() => process.exit(130)));
  try {
    const server = await startLocalServer(stack);
    const keys = await localKeys(stack.dataDir);
    const sign = (claims: Record<string, string>) => keys.sign(claims, 6 * 3600);
    const { agencies, entities, random } = await parties(sign, 16, Math.max(50, Math.round(1000 * scale)));
    const client = new SoakClient(server.url);
    const world: World = {
      agencies,
      entities,
      admin: await sign({ role: 'admin', sub: 'soak' }),
      records: new Map(),
      objections: new Map(),
      repairs: new Map(),
      decided: new Set(),
      revoked: new Set(),
    };
    const loadStarted = performance.now();
    await load(client, world, random);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    step('verifying what is stored');
    const checks = await verifyStored(client, world, step);
    await server.stop();
    // The server's log goes with the stack's DATA_DIR: keep what it said about 5xx answers.
    const errors = readFileSync(server.logFile, 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('{"level":"INFO"') && !line.startsWith('{"_aws"'));
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/soak-server-errors.log', `${errors.join('\n')}\n`);
    const fuzzResult = args['no-fuzz'] ? { skipped: true } : fuzz(Math.floor(Math.random() * 2 ** 31));
    const requests = Object.fromEntries(
      [...client.statuses].map(([kind, byStatus]) => [
        kind,
        {
          total: [...byStatus.values()].reduce((a, b) => a + b, 0),
          statuses: Object.fromEntries(byStatus),
          p50_ms: percentile(client.latencies.get(kind) ?? [], 50),
          p99_ms: percentile(client.latencies.get(kind) ?? [], 99),
        },
      ]),
    );
    return {
      started_at: new Date(Date.now() - (performance.now() - t0)).toISOString(),
      scale,
      clients: CLIENTS,
      load_seconds: Math.round(loadSeconds),
      requests,
      server_errors: client.failures.length,
      first_errors: client.failures.slice(0, 10),
      incomplete_lists: client.incomplete,
      checks,
      fuzz: fuzzResult,
    };
  } finally {
    await stack.stop();
  }
}

main().then(
  (results) => {
    results.duration_s = Math.round((performance.now() - t0) / 1000);
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/soak-results.json', `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    const checks = results.checks as { ok: boolean };
    process.exit(checks.ok && results.server_errors === 0 ? 0 : 1);
  },
  (error: unknown) => {
    process.stderr.write(
      `soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
