import type { Actor } from '../audit.ts';
import type { Clock } from '../clock.ts';
import { ConflictError } from '../errors.ts';
import { type DeadlineKind, type DueDeadline, kindsOf, type SweepName } from './kinds.ts';

/** Who the audit chain says made a change the timers made. */
export const SWEEP_ACTOR: Actor = { role: 'system', id: 'deadline-sweep' };

/** Where a sweep finds what is due, and where it parks what it cannot handle. */
export interface DueDeadlinesPort {
  /**
   * Pages of deadlines of `kind` due at or before `now`. The index may be sharded: each shard
   * comes oldest first, but there is no order across shards.
   */
  due(kind: DeadlineKind, now: Date, pageSize: number): AsyncIterable<readonly DueDeadline[]>;
  /** Takes an item out of the sweep's way onto the dead-letter list, with why. */
  deadLetter(sweep: SweepName, item: DueDeadline, error: string, at: Date): Promise<void>;
  /** Removes an item whose aggregate no longer has this deadline open. */
  discard(item: DueDeadline): Promise<void>;
}

/**
 * Handles one due deadline and names what it did ('auto-published', 'reminded', …).
 * Returning 'stale' says the aggregate no longer has this deadline open.
 */
export type DeadlineHandler = (item: DueDeadline, now: Date) => Promise<string>;

export interface SweepReport {
  readonly sweep: SweepName;
  readonly now: string;
  /** How many items each action took, e.g. { 'auto-published': 3, reminded: 5 }. */
  readonly actions: Readonly<Record<string, number>>;
  readonly deadLettered: number;
  /** True when the sweep stopped for time with items left; the next run continues. */
  readonly more: boolean;
}

export interface SweepOptions {
  readonly sweep: SweepName;
  /** One handler for every kind: a kind added without its handler does not compile. */
  readonly handlers: Readonly<Record<DeadlineKind, DeadlineHandler>>;
  readonly deadlines: DueDeadlinesPort;
  readonly clock: Clock;
  readonly pageSize?: number;
  readonly concurrency?: number;
  /** False once the run should stop and leave the rest to the next one (e.g. Lambda's time). */
  readonly timeLeft?: () => boolean;
  /** A passing fault of the infrastructure: the item stays due for the next run, not parked. */
  readonly isTransient?: (error: unknown) => boolean;
}

/**
 * Runs one sweep: every deadline of its kinds due by `clock()`, page by page. Each item is
 * handled on its own: a lost race (ConflictError) means another run or a person got there
 * first and is counted as 'conflict' — the item stays due if it still is; a passing fault
 * of the store ('retry-later') leaves it for the next run; any other error parks the item
 * on the dead-letter list so it cannot stop the rest. Handlers write with
 * conditions, so running a sweep twice, or two at once, changes nothing the second time.
 */
export async function runSweep(options: SweepOptions): Promise<SweepReport> {
  const {
    sweep,
    handlers,
    deadlines,
    clock,
    pageSize = 25,
    concurrency = 4,
    timeLeft = () => true,
  } = options;
  const isTransient = options.isTransient ?? (() => false);
  const now = clock();
  const actions: Record<string, number> = {};
  let deadLettered = 0;
  let more = false;
  const count = (action: string) => {
    actions[action] = (actions[action] ?? 0) + 1;
  };

  const handle = async (item: DueDeadline) => {
    try {
      const action = await handlers[item.kind](item, now);
      if (action === 'stale') await deadlines.discard(item);
      count(action);
    } catch (error) {
      if (error instanceof ConflictError) return count('conflict');
      if (isTransient(error)) return count('retry-later');
      deadLettered++;
      await deadlines.deadLetter(
        sweep,
        item,
        error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        now,
      );
    }
  };

  outer: for (const kind of kindsOf(sweep)) {
    for await (const page of deadlines.due(kind, now, pageSize)) {
      for (let i = 0; i < page.length; i += concurrency) {
        if (!timeLeft()) {
          more = true;
          break outer;
        }
        await Promise.all(page.slice(i, i + concurrency).map(handle));
      }
    }
  }
  return { sweep, now: now.toISOString(), actions, deadLettered, more };
}
