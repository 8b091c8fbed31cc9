/**
 * Credit reports (issue 20): how long the report of an entity with 500 public records takes
 * and how much memory it needs, against the limits the reports function is deployed with
 * (FUNCTION_GROUPS.reports: its timeout and memory). Measured in a process of its own
 * (bench/report-child.ts), on a table of its own, so its peak memory is the report's.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTION_GROUPS } from '../shared/http/routes.ts';
import type { Store } from '../shared/store/client.ts';
import { startNodeChild } from './processes.ts';
import { round } from './read-cost.ts';
import { loadRecords, type SeedWorld } from './seed.ts';
import type { BenchStack } from './stack.ts';

export const REPORT_RECORDS = { small: 10, large: 500 } as const;

export async function measureReportCost(stack: BenchStack, table: Store, world: SeedWorld, runs: number) {
  const small = world.company();
  const large = world.company();
  await loadRecords(table, REPORT_RECORDS.small, () => world.published(small));
  await loadRecords(table, REPORT_RECORDS.large, () => world.published(large));
  const dir = join(stack.dataDir, 'report-files');
  mkdirSync(dir, { recursive: true });
  const child = await startNodeChild({
    script: 'bench/report-child.ts',
    env: {
      ...stack.env,
      TABLE_NAME: table.tableName,
      REPORT_SMALL: small.uscc,
      REPORT_LARGE: large.uscc,
      REPORT_FILES_DIR: dir,
      REPORT_RUNS: String(runs),
    },
    logFile: join(stack.dataDir, 'report-child.log'),
    ready: /report-cost (\{.*\})/,
    timeoutMs: 300_000,
  });
  await child.stop();
  const m = JSON.parse(child.ready) as {
    first_ms: number;
    small_ms: number;
    large_ms: number;
    small_records: number;
    large_records: number;
    large_pdf_bytes: number;
    peak_rss_mb: number;
  };
  if (m.large_records !== REPORT_RECORDS.large)
    throw new Error(`the report counted ${m.large_records} records, not ${REPORT_RECORDS.large}`);
  const limits = FUNCTION_GROUPS.reports;
  return {
    figures: {
      report_500_records_ms: round(m.large_ms, 1),
      report_500_records_peak_rss_mb: round(m.peak_rss_mb, 1),
      report_500_vs_10_records_ratio: round(m.large_ms / m.small_ms, 2),
      // Against the function's own limits: a report must finish well inside both.
      report_time_share_of_timeout: round((m.first_ms + m.large_ms) / (limits.timeoutSeconds * 1000), 3),
      report_memory_share_of_limit: round(m.peak_rss_mb / limits.memoryMb, 3),
    },
    detail: { ...m, limits: { timeout_s: limits.timeoutSeconds, memory_mb: limits.memoryMb }, runs },
  };
}
