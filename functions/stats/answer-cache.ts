/**
 * Answers kept in memory by a warm Lambda (or the local server), keyed by the normalised
 * query (the whole months asked for). Calls that arrive while the counters are being read
 * wait for that read instead of starting their own, and an answer then serves for `ttlMs`
 * more: a burst or a flood of anonymous calls for one period costs at most one read per
 * second per instance. Bounded in size (the oldest entry goes first). The time is short
 * because browsers and CloudFront already keep the answer a minute (Cache-Control), and a
 * caller who has just changed a record should soon see it counted; `asOf` says how old the
 * figures are.
 */
export interface AnswerCache<T> {
  get(key: string, compute: () => Promise<T>): Promise<T>;
}

export const ANSWER_CACHE = { maxEntries: 100, ttlMs: 1_000 } as const;

export function answerCache<T>({
  maxEntries = ANSWER_CACHE.maxEntries,
  ttlMs = ANSWER_CACHE.ttlMs,
  now = Date.now,
}: {
  maxEntries?: number;
  ttlMs?: number;
  now?: () => number;
} = {}): AnswerCache<T> {
  /** `settledAt` is unset while the read runs. */
  const entries = new Map<string, { answer: Promise<T>; settledAt?: number }>();
  return {
    get(key, compute) {
      const hit = entries.get(key);
      if (hit && (hit.settledAt === undefined || now() - hit.settledAt < ttlMs)) return hit.answer;
      entries.delete(key);
      const entry: { answer: Promise<T>; settledAt?: number } = { answer: compute() };
      entries.set(key, entry);
      entry.answer.then(
        () => {
          entry.settledAt = now();
        },
        // A failed read is not kept: the next call tries again.
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      // Map order is insertion order: the first key is the oldest entry.
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return entry.answer;
    },
  };
}
