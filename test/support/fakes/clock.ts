import type { Clock } from '../../../shared/domain/clock.ts';

/** A settable clock: tests move time across deadlines. */
export function testClock(start: string): { clock: Clock; set: (instant: string) => Date } {
  let now = new Date(start);
  return { clock: () => now, set: (instant: string) => (now = new Date(instant)) };
}
