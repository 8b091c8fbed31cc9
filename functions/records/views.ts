import { publicationWindow } from '../../shared/domain/policy/publication-window.ts';
import type { BatchJob, RowResult } from '../../shared/domain/records/batch-job.ts';
import type { DisclosureRecord } from '../../shared/domain/records/record.ts';
import { NOT_PUBLIC_REASONS, visibilityOf } from '../../shared/domain/records/visibility.ts';

/** A record as its own agency sees it: all it registered, its deadline, state and history. */
export function agencyView(record: DisclosureRecord) {
  const visibility = visibilityOf(record.content);
  return {
    id: record.id,
    status: record.status,
    record: record.content,
    authority: record.authority,
    version: record.version,
    registeredAt: record.registeredAt,
    disclosureDeadline: record.disclosure,
    ...(record.publication ? { publication: record.publication } : {}),
    ...(record.revocation ? { revocation: record.revocation } : {}),
    ...(record.overdue ? { overdue: record.overdue } : {}),
    ...(record.publicationEnd ? { publicationEnd: record.publicationEnd } : {}),
    ...(record.content.kind === 'penalty'
      ? { publicationPeriod: publicationWindow(record.content.decisionDate, record.content.penalty) }
      : {}),
    ...(record.objection ? { objection: record.objection } : {}),
    ...(record.repair ? { repair: record.repair } : {}),
    deadlineMoves: record.deadlineMoves ?? [],
    visibility: visibility.public
      ? { public: true }
      : { public: false, reason: visibility.reason, basis: NOT_PUBLIC_REASONS[visibility.reason].basis },
    // The agency sees what each version replaced; the public sees only what changed.
    history: record.history.map(({ version, at, reason, changedFields, previous, decision }) => ({
      version,
      at,
      reason,
      changedFields,
      previous,
      ...(decision ? { decision } : {}),
    })),
  };
}

/** A batch job as its submitter follows it: progress, and the results of the rows done. */
export function jobView(job: BatchJob, results: readonly RowResult[]) {
  const { created, existing, error } = job.summary;
  return {
    id: job.id,
    status: job.status,
    rows: job.rows,
    processed: created + existing + error,
    submittedAt: job.submittedAt,
    updatedAt: job.updatedAt,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    summary: job.summary,
    results,
  };
}
