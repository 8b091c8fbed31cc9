import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../shared/domain/events.ts';
import { makeReconciliation, type ReconciliationReport } from '../../../shared/domain/sharing/reconcile.ts';
import type { UpstreamHolding, UpstreamPush } from '../../../shared/domain/sharing/upstream.ts';

const push = (
  recordId: string,
  state: UpstreamPush['state'],
  digest: string,
  operation: 'upsert' | 'delete' = 'upsert',
): UpstreamPush => ({
  recordId,
  agency: '11370125MB0000001H',
  format: 'CF',
  operation,
  digest,
  state,
  attempts: 0,
  dueAt: '2026-12-04T00:00:00Z',
  updatedAt: '2026-12-04T00:00:00Z',
});

async function reconcile(ours: UpstreamPush[], theirs: UpstreamHolding[]) {
  const saved: ReconciliationReport[] = [];
  const events: DomainEvent[] = [];
  const report = await makeReconciliation({
    pushes: {
      async *all() {
        yield ours.slice(0, 1);
        yield ours.slice(1);
      },
    },
    upstream: {
      async *holdings() {
        yield theirs;
      },
    },
    clock: () => new Date('2026-12-05T18:30:00Z'),
    saveReport: async (r) => {
      saved.push(r);
    },
    putEvent: async (e) => {
      events.push(e);
    },
  })();
  return { report, saved, events };
}

describe('the reconciliation with the platform', () => {
  it('finds both sides equal when the platform holds every accepted upsert and no deletion', async () => {
    const { report, events } = await reconcile(
      [
        push('rec_a', 'accepted', 'd1'),
        push('rec_b', 'accepted', 'd2'),
        push('rec_c', 'accepted', 'd3', 'delete'),
      ],
      [
        { recordId: 'rec_b', digest: 'd2' },
        { recordId: 'rec_a', digest: 'd1' },
      ],
    );
    expect(report).toMatchObject({ differences: 0, sample: [], pending: 0, failed: 0 });
    expect(report.ours).toEqual(report.theirs);
    expect(report.ours.count).toBe(2);
    expect(events).toEqual([]);
  });

  it('leaves pending and refused records out of both sides and counts them apart', async () => {
    const { report } = await reconcile(
      [push('rec_a', 'accepted', 'd1'), push('rec_b', 'pending', 'new'), push('rec_c', 'failed', 'x')],
      [
        { recordId: 'rec_a', digest: 'd1' },
        { recordId: 'rec_b', digest: 'old' },
      ],
    );
    expect(report).toMatchObject({ differences: 0, pending: 1, failed: 1 });
  });

  it('lists what differs — a lost record, an old content, an unknown or undeleted one — and tells the office', async () => {
    const { report, saved, events } = await reconcile(
      [
        push('rec_a', 'accepted', 'd1'),
        push('rec_b', 'accepted', 'd2'),
        push('rec_c', 'accepted', 'd3', 'delete'),
      ],
      [
        { recordId: 'rec_b', digest: 'old' },
        { recordId: 'rec_c', digest: 'd3' },
        { recordId: 'rec_z', digest: 'dz' },
      ],
    );
    expect(report.differences).toBe(4);
    expect(report.sample).toEqual([
      { recordId: 'rec_a', ours: 'd1', theirs: 'absent' },
      { recordId: 'rec_b', ours: 'd2', theirs: 'old' },
      { recordId: 'rec_c', ours: 'absent', theirs: 'd3' },
      { recordId: 'rec_z', ours: 'absent', theirs: 'dz' },
    ]);
    expect(saved).toEqual([report]);
    expect(events).toMatchObject([
      { type: 'upstream-differences', subject: { kind: 'office' }, data: { differences: 4 } },
    ]);
  });
});
