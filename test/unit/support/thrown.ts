/** The error `action` throws, to be asserted on outside any `catch`; fails when none is thrown. */
export function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, but none was thrown');
}
