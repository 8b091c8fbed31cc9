import { sha256 } from '../audit.ts';
import { ConflictError } from '../errors.ts';
import type { DomainEvent } from '../events.ts';
import type { PushStore, UpstreamPort } from './upstream.ts';

/**
 * The nightly reconciliation with the upstream platform: what this service believes the
 * upstream holds (every accepted upsert, by digest; nothing of an accepted deletion) against
 * what the upstream says it holds. Records whose push is still pending or was refused are
 * left out of both sides and counted apart: they are in flight, not differences. Each side is
 * summed up as a count and a digest (SHA-256 of the sorted `id digest` lines), so two equal
 * sides are seen equal at a glance; the records that differ are listed (the first
 * RECONCILIATION_SAMPLE of them) and any difference is reported to the credit office.
 */
export const RECONCILIATION_SAMPLE = 20;

export interface ReconciliationSide {
  readonly count: number;
  readonly digest: string;
}

export interface Difference {
  readonly recordId: string;
  /** What the upstream should hold: a digest, or `absent` after an accepted deletion. */
  readonly ours: string;
  /** What it holds: a digest, or `absent`. */
  readonly theirs: string;
}

export interface ReconciliationReport {
  readonly at: string;
  readonly ours: ReconciliationSide;
  readonly theirs: ReconciliationSide;
  readonly differences: number;
  readonly sample: readonly Difference[];
  readonly pending: number;
  readonly failed: number;
}

function side(held: ReadonlyMap<string, string>): ReconciliationSide {
  const lines = [...held].map(([id, digest]) => `${id} ${digest}`).sort();
  return { count: lines.length, digest: sha256(lines.join('\n')) };
}

export interface ReconcileDeps {
  readonly pushes: Pick<PushStore, 'all'>;
  readonly upstream: Pick<UpstreamPort, 'holdings'>;
  readonly clock: () => Date;
  readonly saveReport: (report: ReconciliationReport) => Promise<void>;
  /** The outbox: a report with differences is the credit office's notice. */
  readonly putEvent: (event: DomainEvent) => Promise<void>;
}

export function makeReconciliation(deps: ReconcileDeps) {
  return async (): Promise<ReconciliationReport> => {
    const now = deps.clock();
    const expected = new Map<string, string>();
    const inFlight = new Set<string>();
    let pending = 0;
    let failed = 0;
    for await (const page of deps.pushes.all()) {
      for (const push of page) {
        if (push.state === 'pending') pending++;
        if (push.state === 'failed') failed++;
        if (push.state !== 'accepted') inFlight.add(push.recordId);
        else if (push.operation === 'upsert') expected.set(push.recordId, push.digest);
      }
    }
    const held = new Map<string, string>();
    for await (const page of deps.upstream.holdings()) {
      for (const h of page) if (!inFlight.has(h.recordId)) held.set(h.recordId, h.digest);
    }
    const differences: Difference[] = [];
    for (const [recordId, digest] of expected) {
      const theirs = held.get(recordId);
      if (theirs !== digest) differences.push({ recordId, ours: digest, theirs: theirs ?? 'absent' });
    }
    for (const [recordId, digest] of held) {
      if (!expected.has(recordId)) differences.push({ recordId, ours: 'absent', theirs: digest });
    }
    differences.sort((a, b) => a.recordId.localeCompare(b.recordId));
    const report: ReconciliationReport = {
      at: now.toISOString(),
      ours: side(expected),
      theirs: side(held),
      differences: differences.length,
      sample: differences.slice(0, RECONCILIATION_SAMPLE),
      pending,
      failed,
    };
    await deps.saveReport(report);
    if (report.differences > 0) {
      try {
        await deps.putEvent({
          id: `upstream.${report.at}.upstream-differences`,
          type: 'upstream-differences',
          at: report.at,
          subject: { kind: 'office', id: report.at, agency: '' },
          data: { differences: report.differences, ours: report.ours.count, theirs: report.theirs.count },
        });
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    return report;
  };
}
