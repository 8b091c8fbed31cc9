import { describe, expect, it } from 'vitest';
import { countPublicIndex } from '../../../shared/store/record-repository.ts';

/**
 * A stand-in for DynamoDB's COUNT query over one partition of `entries` index entries of which
 * every `every`-th matches the filter: Limit counts entries read, as DynamoDB counts them.
 */
function partition(entries: number, every = 1) {
  const asked: { Limit?: number }[] = [];
  const query = async (input: { Limit?: number; ExclusiveStartKey?: Record<string, unknown> }) => {
    asked.push(input);
    const start = (input.ExclusiveStartKey?.n as number | undefined) ?? 0;
    const read = Math.min(input.Limit ?? entries, entries - start);
    let count = 0;
    for (let i = start; i < start + read; i++) if (i % every === 0) count++;
    const end = start + read;
    return { Count: count, ScannedCount: read, ...(end < entries ? { LastEvaluatedKey: { n: end } } : {}) };
  };
  return { query, asked };
}

describe('counting a public search', () => {
  it('is exact when the entries end before the cap', async () => {
    const { query } = partition(999);
    expect(await countPublicIndex(query, { uscc: 'X' }, 1000)).toEqual({ total: 999, capped: false });
  });

  it('stops at the cap, reading no more than the cap', async () => {
    const { query, asked } = partition(5000);

    const count = await countPublicIndex(query, { uscc: 'X' }, 1000);

    expect(count).toEqual({ total: 1000, capped: true });
    expect(asked.reduce((sum, a) => sum + (a.Limit ?? 0), 0)).toBeLessThanOrEqual(1000);
  });

  it('says a count is a floor when the filter rejected entries and the read budget ran out', async () => {
    const { query } = partition(5000, 4);

    expect(await countPublicIndex(query, { uscc: 'X', kind: 'penalty' }, 1000)).toEqual({
      total: 250,
      capped: true,
    });
  });
});
