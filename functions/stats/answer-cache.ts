/**
 * Answers kept in memory by a warm Lambda (or the local server), keyed by the normalised
 * query: a burst of anonymous calls for the same period costs one read of the counters, and
 * calls that arrive while that read runs wait for it instead of starting their own. Bounded
 * in size (the oldest entry goes first) and in time: figures at most `ttlMs` old, which the
 * answer's `asOf` shows.
 */
export interface AnswerCache<T> {
  get(key: string, compute: () => Promise<T>): Promise<T>;
}

export const ANSWER_CACHE = { maxEntries: 100, ttlMs: 5_000 } as const;

export function answerCache<T>({
  maxEntries = ANSWER_CACHE.maxEntries,
  ttlMs = ANSWER_CACHE.ttlMs,
  now = Date.now,
}: {
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
} = {}): AnswerCache<T> {
  const entries = new Map<string, { readonly at: number; readonly answer: Promise<T> }>();
  return {
    get(key, compute) {
      const hit = entries.get(key);
      if (hit && now() - hit.at < ttlMs) return hit.answer;
      entries.delete(key);
      const answer = compute();
      entries.set(key, { at: now(), answer });
      // A failed read is not kept: the next call tries again.
      answer.catch(() => {
        if (entries.get(key)?.answer === answer) entries.delete(key);
      });
      // Map order is insertion order: the first key is the oldest entry.
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return answer;
    },
  };
}
