/**
 * Applies a correction's `changes` to the current content: objects merge field by field,
 * arrays and plain values replace, `null` removes an optional field. The result is validated
 * as a whole afterwards, so a merge can never produce a record a registration could not.
 */
export function mergeChanges(current: unknown, changes: unknown): unknown {
  if (changes === null) return undefined;
  if (!isObject(current) || !isObject(changes)) return changes;
  const out: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    const merged = mergeChanges(Object.hasOwn(current, key) ? current[key] : undefined, value);
    if (merged === undefined) delete out[key];
    // Defined, not assigned: a `__proto__` field of parsed JSON stays a field, which the
    // validation then refuses, rather than becoming the object's prototype.
    else
      Object.defineProperty(out, key, {
        value: merged,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
