import type { DeadlineKind, DueDeadline } from './kinds.ts';
import type { DeadlineHandler } from './sweep.ts';

/** Where the recomputation of one calendar change has got to. */
export interface RecomputeProgress {
  readonly kind: number;
  readonly shard: number;
  readonly startKey?: Record<string, unknown> | undefined;
}

export interface RecomputeJob {
  readonly id: string;
  readonly year: number;
  /** Why deadlines move, recorded with each move (e.g. "2027 calendar loaded, version 1"). */
  readonly why: string;
  readonly progress?: RecomputeProgress | undefined;
}

export interface RecomputePorts {
  getJob(id: string): Promise<RecomputeJob | undefined>;
  saveProgress(id: string, progress: RecomputeProgress): Promise<void>;
  finish(id: string): Promise<void>;
  /** One page of open deadlines of a kind and shard due within [fromUtc, toUtc]. */
  openIn(
    kind: DeadlineKind,
    shard: number,
    fromUtc: string,
    toUtc: string,
    limit: number,
    startKey?: Record<string, unknown>,
  ): Promise<{ items: DueDeadline[]; next?: Record<string, unknown> | undefined }>;
  readonly shards: number;
}

/** The job a calendar load starts: every open deadline that depends on the year is recomputed. */
export function recomputeJobFor(year: number, version: number): RecomputeJob {
  return {
    id: `calendar-${year}-v${version}`,
    year,
    why: `${year} 年日历已更新（第 ${version} 版）/ ${year} calendar loaded, version ${version}`,
  };
}

/**
 * The due instants a change to `year` can reach: from 1 January of that year to the middle of
 * the next (no period counted here spans more than a few months). The recompute job and its
 * preview walk the same window.
 */
export function recomputeWindow(year: number): { from: string; to: string } {
  return {
    from: new Date(`${year}-01-01T00:00:00+08:00`).toISOString(),
    to: new Date(`${year + 1}-07-01T00:00:00+08:00`).toISOString(),
  };
}

/** Recomputes one open deadline of some aggregate under the calendar now in force. */
export type Recomputer = (
  item: DueDeadline,
  why: string,
  now: Date,
) => Promise<'moved' | 'unchanged' | 'stale'>;

/**
 * The 'calendar-recompute' handler: walks every open working-day deadline that can depend on
 * the changed year (due from 1 January of that year to the middle of the next: no period
 * counted here spans more than a few months) and lets each workflow's recomputer move it.
 * It works in bounded steps, saving its place, so a large backlog spans several runs.
 */
export function makeRecomputeHandler(
  ports: RecomputePorts,
  recomputers: Partial<Record<DeadlineKind, Recomputer>>,
  { itemsPerRun = 200, pageSize = 50 } = {},
): DeadlineHandler {
  const kinds = Object.keys(recomputers) as DeadlineKind[];
  return async (item, now) => {
    const job = await ports.getJob(item.subjectId);
    if (!job) return 'stale';
    const { from, to } = recomputeWindow(job.year);
    let { kind = 0, shard = 0, startKey } = job.progress ?? {};
    let done = 0;
    while (kind < kinds.length) {
      const kindName = kinds[kind] as DeadlineKind;
      const page = await ports.openIn(kindName, shard, from, to, pageSize, startKey);
      for (const open of page.items) await recomputers[kindName]?.(open, job.why, now);
      done += page.items.length;
      startKey = page.next;
      if (!startKey && ++shard >= ports.shards) {
        shard = 0;
        kind++;
      }
      if (done >= itemsPerRun && kind < kinds.length) {
        await ports.saveProgress(job.id, { kind, shard, startKey });
        return 'recompute-continues';
      }
    }
    await ports.finish(job.id);
    return 'recomputed';
  };
}
