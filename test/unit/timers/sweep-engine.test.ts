import { describe, expect, it } from 'vitest';
import {
  DEADLINE_KINDS,
  type DeadlineKind,
  type DueDeadline,
  type SweepName,
} from '../../../shared/domain/deadlines/kinds.ts';
import {
  type DeadlineHandler,
  type DueDeadlinesPort,
  runSweep,
} from '../../../shared/domain/deadlines/sweep.ts';
import { ConflictError } from '../../../shared/domain/errors.ts';

/** A hand-written fake of the deadlines index: due items by kind, and what was parked or dropped. */
function fakeDeadlines(due: Partial<Record<DeadlineKind, string[]>>) {
  const parked: { sweep: SweepName; id: string; error: string }[] = [];
  const discarded: string[] = [];
  const port: DueDeadlinesPort = {
    async *due(kind, _now, pageSize) {
      const ids = due[kind] ?? [];
      for (let i = 0; i < ids.length; i += pageSize) {
        yield ids
          .slice(i, i + pageSize)
          .map((id): DueDeadline => ({ kind, subjectId: id, dueAt: '2026-01-01T00:00:00+08:00' }));
      }
    },
    deadLetter: async (sweep, item, error) => {
      parked.push({ sweep, id: item.subjectId, error });
    },
    discard: async (item) => {
      discarded.push(item.subjectId);
    },
  };
  return { port, parked, discarded };
}

const clock = () => new Date('2026-06-01T00:00:00Z');

/** Every kind's handler, as the sweep needs them: the ones given, and for the rest one that must not run. */
function handlersWith(
  given: Partial<Record<DeadlineKind, DeadlineHandler>>,
): Record<DeadlineKind, DeadlineHandler> {
  const never: DeadlineHandler = async (item) => {
    throw new Error(`the handler of ${item.kind} ran in a sweep not about it`);
  };
  const all = Object.fromEntries(Object.keys(DEADLINE_KINDS).map((kind) => [kind, never]));
  return { ...(all as Record<DeadlineKind, DeadlineHandler>), ...given };
}

describe('the sweep engine', () => {
  it('handles every due item of the sweep kinds and counts what each handler did', async () => {
    const { port } = fakeDeadlines({ 'disclosure-due': ['a', 'b', 'c'], 'disclosure-reminder': ['d'] });

    const report = await runSweep({
      sweep: 'disclosure-deadlines',
      deadlines: port,
      clock,
      pageSize: 2,
      handlers: handlersWith({
        'disclosure-due': async () => 'auto-published',
        'disclosure-reminder': async () => 'reminded',
      }),
    });

    expect(report).toMatchObject({
      actions: { 'auto-published': 3, reminded: 1 },
      deadLettered: 0,
      more: false,
    });
  });

  it('parks a failing item, counts a lost race as a conflict, leaves a passing fault for later, and goes on', async () => {
    const { port, parked } = fakeDeadlines({ 'disclosure-due': ['bad', 'raced', 'busy', 'good'] });
    const transient = Object.assign(new Error('slow down'), { name: 'ThrottlingException' });

    const report = await runSweep({
      sweep: 'disclosure-deadlines',
      deadlines: port,
      clock,
      isTransient: (e) => e === transient,
      handlers: handlersWith({
        'disclosure-due': async (item) => {
          if (item.subjectId === 'bad') throw new Error('broken item');
          if (item.subjectId === 'raced')
            throw new ConflictError({ code: 'record_changed', messages: { zh: '', en: '' } });
          if (item.subjectId === 'busy') throw transient;
          return 'auto-published';
        },
      }),
    });

    expect(report.actions).toEqual({ conflict: 1, 'retry-later': 1, 'auto-published': 1 });
    expect(parked).toEqual([{ sweep: 'disclosure-deadlines', id: 'bad', error: 'Error: broken item' }]);
  });

  it('drops the index entry of a deadline its aggregate no longer has open', async () => {
    const { port, discarded } = fakeDeadlines({ 'publication-expiry': ['gone'] });

    const report = await runSweep({
      sweep: 'publication-expiry',
      deadlines: port,
      clock,
      handlers: handlersWith({ 'publication-expiry': async () => 'stale' }),
    });

    expect(report.actions).toEqual({ stale: 1 });
    expect(discarded).toEqual(['gone']);
  });

  it('stops when time runs out and says more is due', async () => {
    const { port } = fakeDeadlines({ 'disclosure-due': ['a', 'b', 'c', 'd', 'e', 'f'] });
    let left = 1;

    const report = await runSweep({
      sweep: 'disclosure-deadlines',
      deadlines: port,
      clock,
      concurrency: 2,
      timeLeft: () => left-- > 0,
      handlers: handlersWith({ 'disclosure-due': async () => 'auto-published' }),
    });

    expect(report).toMatchObject({ actions: { 'auto-published': 2 }, more: true });
  });
});
