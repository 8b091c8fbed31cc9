/**
 * `bundle_bytes`, `cold_init_vs_sdk_only_ratio` and `cold_init_ratio`: every function bundled
 * with esbuild the way the stack deploys it (infra/service-function.ts), and the time a fresh
 * Node.js process takes to import the disclosures bundle and answer its first event, against
 * a handler (sdk-only-handler.ts) that only makes the same GetItem through the service's
 * store client (the floor the AWS SDK sets; what the service adds is judged), and against a
 * bare handler (`cold_init_ratio`, `sdk_only_*`: how much of it is the SDK's own start).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE_ALIASES, REQUIRE_BANNER } from '../infra/bundling.ts';
import { FUNCTION_GROUPS } from '../shared/http/routes.ts';
import { median } from './latency.ts';
import { round } from './read-cost.ts';

export const FUNCTIONS = [...Object.keys(FUNCTION_GROUPS), 'sweeps'];

export interface Bundles {
  readonly dir: string;
  readonly bytes: Record<string, number>;
  readonly file: (name: string) => string;
}

/**
 * Every function bundled on its own (no shared chunks), with the options of ServiceFunction
 * and a target this Node.js runs; one esbuild call, so shared modules are parsed once.
 */
export async function buildBundles(dir: string): Promise<Bundles> {
  mkdirSync(dir, { recursive: true });
  const bare = join(dir, 'bare-handler.ts');
  writeFileSync(bare, "export const handler = async () => ({ statusCode: 200, body: '{}' });\n");
  const entryPoints = [
    ...FUNCTIONS.map((name) => ({ in: join('functions', name, 'handler.ts'), out: name })),
    { in: bare, out: 'bare' },
    { in: join('bench', 'sdk-only-handler.ts'), out: 'sdk-only' },
  ];
  await build({
    entryPoints,
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: false,
    platform: 'node',
    format: 'esm',
    minify: true,
    sourcemap: true,
    sourcesContent: false,
    target: 'node20',
    mainFields: ['module', 'main'],
    banner: { js: REQUIRE_BANNER },
    alias: { ...BUNDLE_ALIASES },
    external: [],
    logLevel: 'warning',
  });
  const file = (name: string) => join(dir, `${name}.mjs`);
  const bytes = Object.fromEntries(FUNCTIONS.map((name) => [name, statSync(file(name)).size]));
  writeFileSync(join(dir, 'cold-runner.mjs'), RUNNER);
  return { dir, bytes, file };
}

// Imports a bundle, answers one event, says how it went. Runs in a fresh process each time.
const RUNNER = `import { performance } from 'node:perf_hooks';
const event = JSON.parse(process.env.BENCH_EVENT ?? '{}');
const context = { awsRequestId: 'cold', functionName: 'bench', getRemainingTimeInMillis: () => 10000, callbackWaitsForEmptyEventLoop: false };
const t0 = performance.now();
const { handler } = await import(process.argv[2]);
const t1 = performance.now();
const result = await handler(event, context);
const t2 = performance.now();
process.stdout.write('BENCH_RESULT ' + JSON.stringify({ status: result && result.statusCode, import_ms: t1 - t0, first_event_ms: t2 - t1, in_process_ms: t2 }) + '\\n');
process.exit(0);
`;

/** An API Gateway HTTP API (payload 2.0) event, shaped as local/api-event.ts builds one. */
export function getDisclosureEvent(id: string) {
  const now = new Date();
  const path = `/v1/disclosures/${id}`;
  const headers = { host: 'localhost', 'user-agent': 'bench', accept: 'application/json' };
  return {
    version: '2.0',
    routeKey: 'GET /v1/disclosures/{id}',
    rawPath: path,
    rawQueryString: '',
    headers,
    pathParameters: { id },
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: `cold-${now.getTime()}`,
      routeKey: 'GET /v1/disclosures/{id}',
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    isBase64Encoded: false,
  };
}

interface ColdRun {
  readonly wall_ms: number;
  readonly import_ms: number;
  readonly first_event_ms: number;
}

/** One fresh process: from spawn until its answer to the first event is on stdout. */
function coldRun(bundles: Bundles, name: string, env: NodeJS.ProcessEnv, event: unknown): Promise<ColdRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [join(bundles.dir, 'cold-runner.mjs'), pathToFileURL(bundles.file(name)).href],
      {
        env: { ...env, BENCH_EVENT: JSON.stringify(event) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    let done = false;
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = /BENCH_RESULT (.*)\n/.exec(out)?.[1];
      if (!line || done) return;
      done = true;
      const wall = performance.now() - started;
      const result = JSON.parse(line) as { status: number; import_ms: number; first_event_ms: number };
      if (result.status !== 200) reject(new Error(`${name} answered ${result.status}: ${out}${err}`));
      else resolve({ wall_ms: wall, import_ms: result.import_ms, first_event_ms: result.first_event_ms });
    });
    child.once('exit', (code) => {
      if (!done) reject(new Error(`${name} exited with ${code} before answering:\n${out}${err}`));
    });
  });
}

export async function measureColdInit(bundles: Bundles, env: NodeJS.ProcessEnv, recordId: string, runs = 7) {
  // As on Lambda (infra/service-function.ts sets it), and nothing else from this process.
  const childEnv = { ...env, NODE_OPTIONS: '--enable-source-maps' };
  const event = getDisclosureEvent(recordId);
  // One throw-away run of each warms the file cache, as a deployed function's would be.
  await coldRun(bundles, 'disclosures', childEnv, event);
  await coldRun(bundles, 'bare', childEnv, {});
  await coldRun(bundles, 'sdk-only', childEnv, event);
  // What --enable-source-maps costs: the same bundle without it (the functions keep it on,
  // for stack traces that point at our source).
  const noMapsEnv = { ...env, NODE_OPTIONS: '' };
  const full: ColdRun[] = [];
  const bare: ColdRun[] = [];
  const sdkOnly: ColdRun[] = [];
  const noMaps: ColdRun[] = [];
  for (let i = 0; i < runs; i++) {
    full.push(await coldRun(bundles, 'disclosures', childEnv, event));
    bare.push(await coldRun(bundles, 'bare', childEnv, {}));
    sdkOnly.push(await coldRun(bundles, 'sdk-only', childEnv, event));
    noMaps.push(await coldRun(bundles, 'disclosures', noMapsEnv, event));
  }
  const cold = median(full.map((r) => r.wall_ms));
  const coldNoMaps = median(noMaps.map((r) => r.wall_ms));
  const bareCold = median(bare.map((r) => r.wall_ms));
  const sdkCold = median(sdkOnly.map((r) => r.wall_ms));
  return {
    figures: {
      // What the service adds to the floor the AWS SDK sets: judged by a goal.
      cold_init_vs_sdk_only_ratio: round(cold / sdkCold, 3),
      cold_init_ratio: round(cold / bareCold, 3),
      cold_init_ms: round(cold, 1),
      bare_cold_init_ms: round(bareCold, 1),
      // The floor the AWS SDK sets: the same GetItem with nothing of the service around it.
      sdk_only_cold_init_ratio: round(sdkCold / bareCold, 3),
      sdk_only_cold_init_ms: round(sdkCold, 1),
      source_maps_cold_init_ms: round(cold - coldNoMaps, 1),
    },
    detail: {
      runs,
      node: process.version,
      disclosures_without_source_maps_ms: round(coldNoMaps, 1),
      disclosures_import_median_ms: round(median(full.map((r) => r.import_ms)), 1),
      disclosures_first_event_median_ms: round(median(full.map((r) => r.first_event_ms)), 1),
      bare_import_median_ms: round(median(bare.map((r) => r.import_ms)), 1),
      sdk_only_import_median_ms: round(median(sdkOnly.map((r) => r.import_ms)), 1),
      sdk_only_first_event_median_ms: round(median(sdkOnly.map((r) => r.first_event_ms)), 1),
      sdk_only_bytes: statSync(bundles.file('sdk-only')).size,
    },
  };
}
