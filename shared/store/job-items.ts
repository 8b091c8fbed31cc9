import type { RecomputeJob } from '../domain/deadlines/recompute.ts';
import { deadlineEntry } from './deadline-items.ts';

/**
 * A recompute job is its own open deadline, due at once: the 'deadline-recompute' sweep
 * finds it in the `deadlines` index like any other, and deleting it closes it.
 */
export const jobKey = (id: string) => ({ pk: `JOB#${id}`, sk: 'JOB' });

export function recomputeJobItem(job: RecomputeJob, createdAt: string): Record<string, unknown> {
  const { item } = deadlineEntry(jobKey(job.id).pk, job.id, { kind: 'calendar-recompute', dueAt: createdAt });
  return {
    ...item,
    ...jobKey(job.id),
    type: 'job',
    job: { id: job.id, year: job.year, why: job.why },
    createdAt,
  };
}
