import { describe, expect, it } from 'vitest';
import {
  median,
  type TimelinessFigures,
  timelinessByAgency,
} from '../../../shared/domain/stats/timeliness.ts';

const NOW = new Date('2026-11-01T00:00:00Z');
const A = 'AGENCY-A';
const B = 'AGENCY-B';

function figure(overrides: Partial<TimelinessFigures>): TimelinessFigures {
  return { agency: A, status: 'registered', dueAt: '2026-12-01T00:00:00+08:00', ...overrides };
}

describe('timeliness per agency', () => {
  it('counts on-time and late publications, overdue and pending records, and leaves revoked ones out', () => {
    const rows = timelinessByAgency(
      [
        figure({ status: 'published', onTime: true, workingDaysToPublish: 3 }),
        figure({ status: 'published', onTime: false, workingDaysToPublish: 9 }),
        figure({ status: 'published', onTime: true, workingDaysToPublish: 5 }),
        figure({ status: 'registered', dueAt: '2026-10-01T00:00:00+08:00' }),
        figure({ status: 'registered' }),
        figure({ status: 'revoked' }),
        figure({ agency: B, status: 'registered', dueAt: '2026-10-31T00:00:00+08:00' }),
      ],
      NOW,
    );

    expect(rows).toEqual([
      {
        agency: A,
        registered: 5,
        publishedOnTime: 2,
        publishedLate: 1,
        unpublishedOverdue: 1,
        pending: 1,
        medianWorkingDays: 5,
      },
      {
        agency: B,
        registered: 1,
        publishedOnTime: 0,
        publishedLate: 0,
        unpublishedOverdue: 1,
        pending: 0,
        medianWorkingDays: null,
      },
    ]);
  });

  it('takes the middle of an even count as the mean of the two middle values', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });
});
