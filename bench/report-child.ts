/**
 * One process that makes credit reports as the reports function does (same use case, same
 * renderer, the store on the bench's DynamoDB Local, files in a folder): of a small entity
 * and of one with 500 records, a few times each. It prints its timings and its peak resident
 * set on one line (`report-cost {…}`) for bench/report-cost.ts, and exits.
 */
import { createHash, randomBytes } from 'node:crypto';
import { agencyNamesTtlMs, cachedAgencyNames } from '../shared/domain/agencies/name-cache.ts';
import { systemClock } from '../shared/domain/clock.ts';
import { makeReportUseCases } from '../shared/domain/reports/use-cases.ts';
import { dirMaterialFiles } from '../shared/files/dir-material-files.ts';
import { reportRenderer } from '../shared/reports/renderer.ts';
import { agencyRepository } from '../shared/store/agency-repository.ts';
import { checkRepository } from '../shared/store/check-repository.ts';
import { storeFromEnv } from '../shared/store/client.ts';
import { commitmentRepository } from '../shared/store/commitment-repository.ts';
import { entityRecordIndex } from '../shared/store/entity-index.ts';
import { listRepository } from '../shared/store/list-repository.ts';
import { recordRepository } from '../shared/store/record-repository.ts';
import { reportRepository } from '../shared/store/report-repository.ts';

const { REPORT_SMALL: small, REPORT_LARGE: large, REPORT_FILES_DIR: dir, REPORT_RUNS } = process.env;
if (!small || !large || !dir) throw new Error('REPORT_SMALL, REPORT_LARGE and REPORT_FILES_DIR are needed');
const runs = Number(REPORT_RUNS ?? 3);

const store = storeFromEnv();
const reports = makeReportUseCases({
  reports: reportRepository(store),
  entityRecords: entityRecordIndex(store, recordRepository(store)),
  lists: listRepository(store),
  commitments: commitmentRepository(store),
  checks: checkRepository(store),
  files: dirMaterialFiles({ dir, baseUrl: 'http://localhost:1', signingKey: randomBytes(32) }),
  render: reportRenderer,
  agencyNames: cachedAgencyNames(agencyRepository(store), systemClock, agencyNamesTtlMs(process.env)),
  issuer: '济阳信用办',
  sha256: (bytes) => createHash('sha256').update(bytes).digest('hex'),
  clock: systemClock,
});

const actor = { role: 'entity', id: 'bench' } as const;
async function timed(uscc: string) {
  const t0 = performance.now();
  const report = await reports.generate(
    { role: 'entity', uscc },
    { uscc, scope: 'special' },
    'http://localhost',
    actor,
  );
  return { ms: performance.now() - t0, records: report.counts.records, pdfBytes: report.files.pdf.bytes };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

// The first report pays for loading the font and pdfkit, as a cold function's first one does.
const first = await timed(small);
const smallRuns = [];
const largeRuns = [];
for (let i = 0; i < runs; i++) {
  smallRuns.push(await timed(small));
  largeRuns.push(await timed(large));
}
const out = {
  first_ms: first.ms,
  small_ms: median(smallRuns.map((r) => r.ms)),
  large_ms: median(largeRuns.map((r) => r.ms)),
  small_records: smallRuns[0]?.records,
  large_records: largeRuns[0]?.records,
  large_pdf_bytes: largeRuns[0]?.pdfBytes,
  // KiB on Linux: the whole process, tsx included, so an upper bound of what the function uses.
  peak_rss_mb: process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(`report-cost ${JSON.stringify(out)}\n`);
process.exit(0);
