/**
 * The in-process handlers write a JSON line per request and per metric straight to stdout:
 * some 4,000 lines a run, which bury a failing test's report. Those INFO and metric lines are
 * left out here; WARN and ERROR lines, and everything else, still show. `TEST_LOGS=1` keeps
 * them all. Tests that read these lines spy on stdout themselves (observability.test.ts),
 * in front of this filter.
 */
const ROUTINE = /^\{"(?:level":"INFO"|_aws")/;

if (process.env.TEST_LOGS !== '1') {
  const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'string' || !ROUTINE.test(chunk)) return write(chunk, ...rest);
    const kept = chunk
      .split('\n')
      .filter((line) => line !== '' && !ROUTINE.test(line))
      .join('\n');
    if (kept) return write(`${kept}\n`, ...rest);
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof process.stdout.write;
}
