/**
 * A delay that doubles after each failure: `firstDelayMs` after the first, then twice that,
 * and so on, never more than `maxDelayMs` (mail deliveries, pushes to the city's platform).
 */
export function doublingDelayMs(
  failures: number,
  limits: { firstDelayMs: number; maxDelayMs: number },
): number {
  return Math.min(limits.firstDelayMs * 2 ** Math.max(0, failures - 1), limits.maxDelayMs);
}
