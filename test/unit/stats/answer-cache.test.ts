import { describe, expect, it } from 'vitest';
import { answerCache } from '../../../functions/stats/answer-cache.ts';

function counted() {
  let calls = 0;
  return {
    compute:
      (value = 'v') =>
      async () => {
        calls++;
        return `${value}${calls}`;
      },
    calls: () => calls,
  };
}

describe('the statistics answer cache', () => {
  it('answers a key again from memory until its time after the read is up, then reads afresh', async () => {
    let now = 0;
    const cache = answerCache<string>({ ttlMs: 1_000, now: () => now });
    const c = counted();

    const first = await cache.get('2026-01-01/2026-12-31', c.compute());
    now = 999;
    const again = await cache.get('2026-01-01/2026-12-31', c.compute());
    now = 1_000;
    const later = await cache.get('2026-01-01/2026-12-31', c.compute());

    expect([first, again, later]).toEqual(['v1', 'v1', 'v2']);
  });

  it('shares a read that is still running, however long it takes', async () => {
    let now = 0;
    const cache = answerCache<string>({ ttlMs: 1_000, now: () => now });
    let finish: (value: string) => void = () => {};
    const slow = cache.get('k', () => new Promise<string>((resolve) => (finish = resolve)));
    now = 30_000;
    const meanwhile = cache.get('k', async () => 'second read');
    finish('first read');

    expect(await Promise.all([slow, meanwhile])).toEqual(['first read', 'first read']);
  });

  it('makes calls that arrive during a read wait for that read instead of starting their own', async () => {
    const cache = answerCache<string>();
    const c = counted();

    const answers = await Promise.all(Array.from({ length: 10 }, () => cache.get('k', c.compute())));

    expect(new Set(answers)).toEqual(new Set(['v1']));
    expect(c.calls()).toBe(1);
  });

  it('keeps at most maxEntries keys, dropping the oldest first', async () => {
    const cache = answerCache<string>({ maxEntries: 2 });
    const c = counted();
    await cache.get('a', c.compute('a'));
    await cache.get('b', c.compute('b'));
    await cache.get('c', c.compute('c'));

    expect(await cache.get('b', c.compute('b'))).toBe('b2');
    expect(await cache.get('a', c.compute('a'))).toBe('a4');
  });

  it('does not keep a failed read', async () => {
    const cache = answerCache<string>();
    await expect(cache.get('k', () => Promise.reject(new Error('store down')))).rejects.toThrow('store down');
    expect(await cache.get('k', async () => 'fresh')).toBe('fresh');
  });
});
