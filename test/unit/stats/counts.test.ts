import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { endOfMonth, statsPeriod } from '../../../shared/domain/stats/period.ts';
import {
  addCounts,
  countsOf,
  LAST_WORKING_DAYS_BUCKET,
  median,
  medianOfHistogram,
  type TimelinessFigures,
  timelinessByAgency,
  timelinessFromCounts,
} from '../../../shared/domain/stats/timeliness.ts';

const NOW = new Date('2026-11-10T04:00:00Z');
const DUE = ['2026-11-01T16:00:00.000Z', '2026-11-10T04:00:00.000Z', '2026-11-20T16:00:00.000Z'];

const figures: fc.Arbitrary<TimelinessFigures> = fc
  .record({
    agency: fc.constantFrom('A', 'B', 'C'),
    status: fc.constantFrom('registered', 'published', 'revoked'),
    dueAt: fc.constantFrom(...DUE),
    onTime: fc.boolean(),
    days: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
  })
  .map(({ agency, status, dueAt, onTime, days }) =>
    status === 'published'
      ? {
          agency,
          status,
          dueAt,
          publishedAt: '2026-11-05T02:00:00.000Z',
          onTime,
          ...(days === undefined ? {} : { workingDaysToPublish: days }),
        }
      : { agency, status, dueAt },
  );

describe('timeliness from counters', () => {
  it('gives what counting every record gives, for any records, split in any way over counter items', () => {
    fc.assert(
      fc.property(fc.array(figures, { maxLength: 60 }), fc.integer({ min: 1, max: 4 }), (records, items) => {
        // The records of each agency spread over `items` counter items (its months).
        const rows = records.map((r, i) => ({ agency: r.agency, item: i % items, counts: countsOf(r) }));
        const merged = new Map<string, { agency: string; counts: ReturnType<typeof countsOf> }>();
        for (const row of rows) {
          const key = `${row.agency}/${row.item}`;
          merged.set(key, {
            agency: row.agency,
            counts: addCounts(merged.get(key)?.counts ?? {}, row.counts),
          });
        }
        expect(timelinessFromCounts([...merged.values()], NOW)).toEqual(timelinessByAgency(records, NOW));
      }),
    );
  });

  it('takes a record out again exactly: adding then subtracting its counts leaves nothing', () => {
    fc.assert(
      fc.property(figures, (f) => {
        expect(addCounts(addCounts({}, countsOf(f)), countsOf(f), -1)).toEqual({});
      }),
    );
  });

  it('splits unpublished records into overdue and pending by their deadline against now, sweep or not', () => {
    const counts = addCounts(
      countsOf({ agency: 'A', status: 'registered', dueAt: DUE[0] as string }),
      countsOf({ agency: 'A', status: 'registered', dueAt: DUE[2] as string }),
    );
    const at = (iso: string) => timelinessFromCounts([{ agency: 'A', counts }], new Date(iso))[0];

    expect(at('2026-10-30T00:00:00Z')).toMatchObject({ unpublishedOverdue: 0, pending: 2 });
    // A deadline is missed at its instant: due at 16:00Z, overdue at 16:00Z.
    expect(at('2026-11-01T16:00:00Z')).toMatchObject({ unpublishedOverdue: 1, pending: 1 });
    expect(at('2026-12-01T00:00:00Z')).toMatchObject({ unpublishedOverdue: 2, pending: 0 });
  });

  it('counts working days exactly up to 30 and reports a median in the last bucket as 31', () => {
    const published = (days: number): TimelinessFigures => ({
      agency: 'A',
      status: 'published',
      dueAt: DUE[0] as string,
      onTime: false,
      workingDaysToPublish: days,
    });
    const row = (days: number[]) =>
      timelinessFromCounts(
        [
          {
            agency: 'A',
            counts: days
              .map(published)
              .map(countsOf)
              .reduce((a, b) => addCounts(a, b), {}),
          },
        ],
        NOW,
      )[0]?.medianWorkingDays;

    expect(row([3, 30, 29])).toBe(29);
    expect(row([40, 45, 31])).toBe(LAST_WORKING_DAYS_BUCKET);
    expect(row([30, 90])).toBe(30.5);
    expect(medianOfHistogram(new Map())).toBeNull();
    expect(
      medianOfHistogram(
        new Map([
          [4, 2],
          [1, 1],
          [9, 0],
          [3, 1],
        ]),
      ),
    ).toBe(median([4, 4, 1, 3]));
  });

  it('shows no row for an agency whose records of the period were all revoked', () => {
    const revoked = countsOf({ agency: 'A', status: 'revoked', dueAt: DUE[0] as string });
    expect(timelinessFromCounts([{ agency: 'A', counts: revoked }], NOW)).toEqual([]);
  });
});

describe('the period of a report', () => {
  it('widens a range of days to the whole months that hold it', () => {
    expect(statsPeriod({ from: '2026-03-15', to: '2026-03-16' }, NOW, 36)).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      months: ['2026-03'],
    });
    expect(statsPeriod({ from: '2025-12-31', to: '2026-02-01' }, NOW, 36)).toEqual({
      from: '2025-12-01',
      to: '2026-02-28',
      months: ['2025-12', '2026-01', '2026-02'],
    });
  });

  it('runs by default from January of this year to the end of this month (Asia/Shanghai)', () => {
    // 2026-12-31T16:30Z is already 1 January 2027 in Shanghai.
    expect(statsPeriod({}, new Date('2026-12-31T16:30:00Z'), 36)).toEqual({
      from: '2027-01-01',
      to: '2027-01-31',
      months: ['2027-01'],
    });
  });

  it('refuses more months than allowed, counting whole months', () => {
    expect(() => statsPeriod({ from: '2024-01-31', to: '2026-12-01' }, NOW, 36)).not.toThrow();
    expect(() => statsPeriod({ from: '2023-12-31', to: '2026-12-01' }, NOW, 36)).toThrow(
      expect.objectContaining({ code: 'range_too_long', field: 'from' }),
    );
  });

  it('knows the last day of each month', () => {
    expect(['2024-02-10', '2026-02-01', '2026-04-30', '2026-12-05'].map(endOfMonth)).toEqual([
      '2024-02-29',
      '2026-02-28',
      '2026-04-30',
      '2026-12-31',
    ]);
  });
});
