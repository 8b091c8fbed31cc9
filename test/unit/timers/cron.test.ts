import { describe, expect, it } from 'vitest';
import { nextFire, parseCron } from '../../../local/cron.ts';
import { SCHEDULES } from '../../../shared/schedules.ts';

const SHANGHAI = 8 * 60;
const next = (expression: string, after: string) =>
  nextFire(parseCron(expression), new Date(after), SHANGHAI).toISOString();

describe('EventBridge cron expressions, in Asia/Shanghai', () => {
  it('fires every quarter of an hour on the quarter', () => {
    expect(next('cron(0/15 * * * ? *)', '2026-10-15T15:52:00Z')).toBe('2026-10-15T16:00:00.000Z');
    expect(next('cron(0/15 * * * ? *)', '2026-10-15T16:00:00Z')).toBe('2026-10-15T16:15:00.000Z');
  });

  it('fires a daily schedule at its Shanghai time, which is the evening before in UTC', () => {
    expect(next('cron(5 0 * * ? *)', '2026-10-15T12:00:00Z')).toBe('2026-10-15T16:05:00.000Z');
  });

  it('honours days of the week counted from Sunday = 1, and month names', () => {
    // 2026-11-26 is a Thursday; MON-FRI at 09:00 → Friday 27th, 09:00 Shanghai.
    expect(next('cron(0 9 ? * MON-FRI *)', '2026-11-26T02:00:00Z')).toBe('2026-11-27T01:00:00.000Z');
    expect(next('cron(0 9 ? * 1 *)', '2026-11-26T02:00:00Z')).toBe('2026-11-29T01:00:00.000Z');
    expect(next('cron(0 0 1 JAN ? *)', '2026-11-26T02:00:00Z')).toBe('2026-12-31T16:00:00.000Z');
  });

  it('handles lists and ranges', () => {
    expect(next('cron(10,40 8-9 * * ? *)', '2026-11-26T00:45:00Z')).toBe('2026-11-26T01:10:00.000Z');
  });

  it.each([
    'cron(0 0 L * ? *)',
    'cron(0 0 ? * 6#3 *)',
    'cron(61 * * * ? *)',
    'rate(5 minutes)',
    'cron(* * * *)',
  ])('refuses %s rather than guessing', (expression) => {
    expect(() => parseCron(expression)).toThrow(/cron/);
  });

  it('parses every declared schedule', () => {
    for (const schedule of SCHEDULES) expect(() => parseCron(schedule.cron)).not.toThrow();
  });
});
